package dev.converge.yaml.internal.template;

import dev.converge.yaml.internal.template.Node.BranchNode;
import dev.converge.yaml.internal.template.Node.ChainNode;
import dev.converge.yaml.internal.template.Node.CommandNode;
import dev.converge.yaml.internal.template.Node.FieldNode;
import dev.converge.yaml.internal.template.Node.IdentifierNode;
import dev.converge.yaml.internal.template.Node.ListNode;
import dev.converge.yaml.internal.template.Node.NumberNode;
import dev.converge.yaml.internal.template.Node.PipeNode;
import dev.converge.yaml.internal.template.Node.TemplateNode;
import dev.converge.yaml.internal.template.Node.VariableNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template: Go's {@code exec.go} over the package's values.
 *
 * <p>Values: Java {@code null} is Go's nil interface (a YAML null, a function's nil result) and
 * {@link #NO_VALUE} is Go's invalid {@code reflect.Value} (a missing key, nil data). As in Go, a
 * pipeline's result that is a nil interface becomes no value, which prints {@code <no value>};
 * no value passed to a function arrives as {@code null}; a field of a nil interface is an error
 * ({@code nil pointer evaluating interface {}.x}) while a field of no value is no value (or
 * {@code nil data; no entry for key} under {@code missingkey=error}).
 *
 * <p>Control: walking a node returns whether a {@code break} or {@code continue} is under way, so
 * loops need no exceptions. Variables are a stack of names and values; a template call starts a
 * new frame (Go: no dynamic scoping). Bounds: {@link #MAX_TEMPLATE_DEPTH} nested template calls,
 * {@link #MAX_OUTPUT} characters of output and {@link #MAX_STEPS} range iterations and template
 * calls per execution, each ending in a {@link TemplateException}.
 */
final class Execution {

  /** Go's invalid reflect.Value. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  /** Go's missingVal: no value from a previous pipeline stage. */
  private static final Object MISSING = new Object();

  static final int MAX_TEMPLATE_DEPTH = 200;
  static final int MAX_OUTPUT = 8 * 1024 * 1024;
  static final long MAX_STEPS = 10_000_000L;

  private static final int NORMAL = 0;
  private static final int BREAK = 1;
  private static final int CONTINUE = 2;

  private final GoTemplate template;
  private final Map<String, TemplateFunction> functions;
  private final MissingKey missingKey;
  private final StringBuilder out;
  private Node node;
  private String executing;
  private String[] varNames = new String[8];
  private Object[] varValues = new Object[8];
  /** Whether a variable holds a value read from a list or map (Go: static type interface {}). */
  private boolean[] varBoxed = new boolean[8];
  /** Whether dot is a value read from a list or map, as range's elements are. */
  private boolean dotBoxed;
  private int varCount;
  private int varBase;
  private int depth;
  private long steps;

  Execution(GoTemplate template, Map<String, TemplateFunction> functions, MissingKey missingKey, StringBuilder out) {
    this.template = template;
    this.functions = functions;
    this.missingKey = missingKey;
    this.out = out;
  }

  void run(String name, ListNode root, Object data) {
    executing = name;
    Object dot = data == null ? NO_VALUE : data;
    push("$", dot);
    walk(dot, root);
  }

  // ---- errors

  TemplateException errorf(String message) {
    String name = executing;
    if (node == null) {
      return new TemplateException("template: " + name + ": " + message);
    }
    String source = node.source;
    int pos = Math.min(node.pos, source.length());
    int lineStart = source.lastIndexOf('\n', pos - 1) + 1;
    int line = 1;
    for (int i = 0; i < lineStart; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    int col = Builtins.utf8Length(source.substring(lineStart, pos));
    return new TemplateException("template: " + template.name() + ":" + line + ":" + col + ": executing "
        + GoFmt.quote(name) + " at <" + node + ">: " + message);
  }

  private void at(Node n) {
    node = n;
  }

  // ---- variables

  private void push(String name, Object value) {
    if (varCount == varNames.length) {
      varNames = Arrays.copyOf(varNames, varCount * 2);
      varValues = Arrays.copyOf(varValues, varCount * 2);
      varBoxed = Arrays.copyOf(varBoxed, varCount * 2);
    }
    varNames[varCount] = name;
    varValues[varCount] = value;
    varBoxed[varCount] = false;
    varCount++;
  }

  private void pop(int mark) {
    for (int i = mark; i < varCount; i++) {
      varValues[i] = null;
      varBoxed[i] = false;
    }
    varCount = mark;
  }

  private void setVar(String name, Object value) {
    for (int i = varCount - 1; i >= varBase; i--) {
      if (varNames[i].equals(name)) {
        varValues[i] = value;
        return;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private int varIndex(String name) {
    for (int i = varCount - 1; i >= varBase; i--) {
      if (varNames[i].equals(name)) {
        return i;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  // ---- output

  private void write(String s) {
    if (out.length() + s.length() > MAX_OUTPUT) {
      node = null;
      throw errorf("output exceeds " + MAX_OUTPUT + " characters");
    }
    out.append(s);
  }

  private void step() {
    if (++steps > MAX_STEPS) {
      throw errorf("execution exceeds " + MAX_STEPS + " steps");
    }
  }

  // ---- walking

  private int walk(Object dot, Node n) {
    at(n);
    switch (n.kind) {
      case Node.TEXT:
        write(((Node.TextNode) n).text);
        return NORMAL;
      case Node.ACTION: {
        Node.ActionNode a = (Node.ActionNode) n;
        Object val = evalPipeline(dot, a.pipe);
        if (a.pipe.decl.length == 0) {
          printValue(a, val);
        }
        return NORMAL;
      }
      case Node.LIST:
        for (Node c : ((ListNode) n).nodes) {
          int r = walk(dot, c);
          if (r != NORMAL) {
            return r;
          }
        }
        return NORMAL;
      case Node.IF:
      case Node.WITH:
        return walkIfOrWith((BranchNode) n, dot);
      case Node.RANGE:
        return walkRange(dot, (BranchNode) n);
      case Node.TEMPLATE:
        walkTemplate(dot, (TemplateNode) n);
        return NORMAL;
      case Node.BREAK:
        return BREAK;
      case Node.CONTINUE:
        return CONTINUE;
      default:
        throw errorf("unknown node: " + n);
    }
  }

  private int walkIfOrWith(BranchNode b, Object dot) {
    int mark = varCount;
    try {
      Object val = evalPipeline(dot, b.pipe);
      if (Builtins.truth(val)) {
        if (b.kind == Node.WITH) {
          boolean saved = dotBoxed;
          dotBoxed = false;
          try {
            return walk(val, b.list);
          } finally {
            dotBoxed = saved;
          }
        }
        return walk(dot, b.list);
      } else if (b.elseList != null) {
        return walk(dot, b.elseList);
      }
      return NORMAL;
    } finally {
      pop(mark);
    }
  }

  private int walkRange(Object dot, BranchNode r) {
    at(r);
    int outer = varCount;
    try {
      Object val = evalPipeline(dot, r.pipe);
      int mark = varCount;
      int decls = r.pipe.decl.length;
      boolean ran = false;
      if (val instanceof List) {
        List<?> list = (List<?>) val;
        for (int i = 0; i < list.size(); i++) {
          ran = true;
          if (oneIteration(r, decls, mark, (long) i, list.get(i), true) == BREAK) {
            break;
          }
        }
      } else if (val instanceof Map) {
        Map<?, ?> map = (Map<?, ?>) val;
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort((x, y) -> Builtins.compareStrings(String.valueOf(x.getKey()), String.valueOf(y.getKey())));
        for (Map.Entry<?, ?> e : entries) {
          ran = true;
          if (oneIteration(r, decls, mark, e.getKey(), e.getValue(), true) == BREAK) {
            break;
          }
        }
      } else if (val instanceof Integer || val instanceof Long || val instanceof BigInteger) {
        if (decls > 1) {
          throw errorf("can't use " + GoValues.print(val) + " to iterate over more than one variable");
        }
        BigInteger b = val instanceof BigInteger ? (BigInteger) val : null;
        long n = b == null ? ((Number) val).longValue() : b.bitLength() < 64 ? b.longValue() : Long.MAX_VALUE;
        for (long i = 0; i < n; i++) {
          ran = true;
          if (oneIteration(r, decls, mark, i, i, false) == BREAK) {
            break;
          }
        }
      } else if (val != NO_VALUE && val != null) {
        throw errorf("range can't iterate over " + GoValues.print(val));
      }
      if (!ran && r.elseList != null) {
        return walk(dot, r.elseList);
      }
      return NORMAL;
    } finally {
      pop(outer);
    }
  }

  private int oneIteration(BranchNode r, int decls, int mark, Object index, Object elem, boolean boxed) {
    step();
    if (decls > 0) {
      varValues[varCount - 1] = elem;
      varBoxed[varCount - 1] = boxed;
    }
    if (decls > 1) {
      varValues[varCount - 2] = index;
    }
    boolean saved = dotBoxed;
    dotBoxed = boxed;
    try {
      return walk(elem, r.list);
    } finally {
      dotBoxed = saved;
      pop(mark);
    }
  }

  private void walkTemplate(Object dot, TemplateNode t) {
    at(t);
    ListNode tree = template.tree(t.name);
    if (tree == null) {
      throw errorf("template " + GoFmt.quote(t.name) + " not defined");
    }
    if (depth >= MAX_TEMPLATE_DEPTH) {
      throw errorf("exceeded maximum template depth (" + MAX_TEMPLATE_DEPTH + ")");
    }
    step();
    Object newDot = evalPipeline(dot, t.pipe);
    int savedBase = varBase;
    int savedCount = varCount;
    String savedName = executing;
    varBase = varCount;
    push("$", newDot);
    depth++;
    executing = t.name;
    boolean savedBoxed = dotBoxed;
    dotBoxed = false;
    try {
      walk(newDot, tree);
    } finally {
      dotBoxed = savedBoxed;
      depth--;
      executing = savedName;
      pop(savedCount);
      varBase = savedBase;
    }
  }

  // ---- evaluation

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return NO_VALUE;
    }
    at(pipe);
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds) {
      value = evalCommand(dot, cmd, value);
      if (value == null) {
        value = NO_VALUE;
      }
    }
    for (VariableNode v : pipe.decl) {
      if (pipe.isAssign) {
        setVar(v.ident[0], value);
      } else {
        push(v.ident[0], value);
      }
    }
    return value;
  }

  private void notAFunction(Node[] args, Object fin) {
    if (args.length > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args[0]);
    }
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args[0];
    switch (first.kind) {
      case Node.FIELD:
        return evalFieldNode(dot, (FieldNode) first, cmd.args, fin);
      case Node.CHAIN:
        return evalChainNode(dot, (ChainNode) first, cmd.args, fin);
      case Node.IDENTIFIER:
        return evalFunction(dot, (IdentifierNode) first, cmd, cmd.args, fin);
      case Node.PIPE:
        notAFunction(cmd.args, fin);
        return evalPipeline(dot, (PipeNode) first);
      case Node.VARIABLE:
        return evalVariableNode(dot, (VariableNode) first, cmd.args, fin);
      default:
        break;
    }
    at(first);
    notAFunction(cmd.args, fin);
    switch (first.kind) {
      case Node.BOOL:
        return ((Node.Simple) first).value;
      case Node.DOT:
        return dot;
      case Node.NIL:
        throw errorf("nil is not a command");
      case Node.NUMBER:
        return idealConstant((NumberNode) first);
      case Node.STRING:
        return ((Node.StringNode) first).text;
      default:
        throw errorf("can't evaluate command " + GoFmt.quote(first.toString()));
    }
  }

  private Object idealConstant(NumberNode n) {
    at(n);
    if (n.value == null) {
      throw errorf(n.text + " overflows int");
    }
    return n.value;
  }

  private Object evalFieldNode(Object dot, FieldNode field, Node[] args, Object fin) {
    at(field);
    return evalFieldChain(dot, dot, dotBoxed, field, field.ident, 0, args, fin);
  }

  private Object evalChainNode(Object dot, ChainNode chain, Node[] args, Object fin) {
    at(chain);
    if (chain.node.kind == Node.NIL) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    Object pipe = evalArg(dot, chain.node);
    return evalFieldChain(dot, pipe, false, chain, chain.field, 0, args, fin);
  }

  private Object evalVariableNode(Object dot, VariableNode v, Node[] args, Object fin) {
    at(v);
    int index = varIndex(v.ident[0]);
    Object value = varValues[index];
    if (v.ident.length == 1) {
      if (args != null) {
        notAFunction(args, fin);
      }
      return value;
    }
    return evalFieldChain(dot, value, varBoxed[index], v, v.ident, 1, args, fin);
  }

  private Object evalFieldChain(Object dot, Object receiver, boolean receiverBoxed, Node n, String[] ident, int from,
      Node[] args, Object fin) {
    int last = ident.length - 1;
    boolean boxed = receiverBoxed;
    for (int i = from; i < last; i++) {
      Object next = evalField(dot, ident[i], n, null, MISSING, receiver, boxed);
      boxed = receiver instanceof Map && !(((Map<?, ?>) receiver).get(ident[i]) instanceof TemplateFunction);
      receiver = next;
    }
    return evalField(dot, ident[last], n, args, fin, receiver, boxed);
  }

  /**
   * One field of a chain. {@code boxed}: the receiver was read from a map in this chain, so Go
   * sees its static type, {@code interface {}}, and names that in an error.
   */
  private Object evalField(Object dot, String fieldName, Node n, Node[] args, Object fin, Object receiver,
      boolean boxed) {
    if (receiver == NO_VALUE) {
      if (missingKey == MissingKey.ERROR) {
        throw errorf("nil data; no entry for key " + GoFmt.quote(fieldName));
      }
      return NO_VALUE;
    }
    if (receiver == null) {
      throw errorf("nil pointer evaluating interface {}." + fieldName);
    }
    if (receiver instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) receiver;
      Object v = map.get(fieldName);
      boolean present = v != null || map.containsKey(fieldName);
      if (v instanceof TemplateFunction) {
        return evalCall(dot, (TemplateFunction) v, n, fieldName, args, fin);
      }
      boolean hasArgs = (args != null && args.length > 1) || fin != MISSING;
      if (hasArgs) {
        throw errorf(fieldName + " is not a method but has arguments");
      }
      if (!present) {
        switch (missingKey) {
          case ZERO:
            return null;
          case ERROR:
            throw errorf("map has no entry for key " + GoFmt.quote(fieldName));
          default:
            return NO_VALUE;
        }
      }
      return v;
    }
    throw errorf("can't evaluate field " + fieldName + " in type "
        + (boxed ? "interface {}" : GoValues.typeName(receiver)));
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, Node[] args, Object fin) {
    at(id);
    String name = id.name;
    TemplateFunction f = functions.get(name);
    if (f != null) {
      return evalCall(dot, f, cmd, name, args, fin);
    }
    if (Builtins.NAMES.contains(name)) {
      return evalBuiltin(dot, name, cmd, args, fin);
    }
    throw errorf(GoFmt.quote(name) + " is not a defined function");
  }

  private static Object arg(Object v) {
    return v == NO_VALUE ? null : v;
  }

  private Object evalCall(Object dot, TemplateFunction f, Node n, String name, Node[] args, Object fin) {
    Node callee = node;
    int given = args == null ? 0 : args.length - 1;
    List<Object> argv = new ArrayList<>(given + 1);
    boolean[] noValue = new boolean[given + 1];
    for (int i = 1; i <= given; i++) {
      Object v = evalArg(dot, args[i]);
      noValue[i - 1] = v == NO_VALUE;
      argv.add(arg(v));
    }
    if (fin != MISSING) {
      noValue[given] = fin == NO_VALUE;
      argv.add(arg(fin));
    }
    try {
      return f.call(Collections.unmodifiableList(argv));
    } catch (TemplateException e) {
      if (e.argument() >= 0 && e.argument() < argv.size()) {
        throw wrongType(e, e.argument() < given ? args[e.argument() + 1] : callee, argv.get(e.argument()),
            noValue[e.argument()]);
      }
      if (e.getMessage().startsWith("wrong number of args for ")) {
        at(callee);
        throw errorf(e.getMessage());
      }
      at(n);
      throw errorf("error calling " + name + ": " + e.getMessage());
    } catch (RuntimeException e) {
      at(n);
      throw errorf("error calling " + name + ": " + e);
    }
  }

  /** Go's refusal of an argument of the wrong type, at the argument (validateType, evalString...). */
  private TemplateException wrongType(TemplateException e, Node argNode, Object value, boolean noValue) {
    at(argNode);
    String type = e.expectedType();
    switch (argNode.kind) {
      case Node.NUMBER: case Node.STRING: case Node.BOOL:
        return errorf("expected " + type + "; found " + argNode);
      case Node.NIL:
        return errorf("cannot assign nil to " + type);
      default:
        if (noValue || value == null) {
          return errorf("invalid value; expected " + type);
        }
        return errorf("wrong type for value; expected " + type + "; got " + GoValues.typeName(value));
    }
  }

  private Object evalBuiltin(Object dot, String name, Node cmd, Node[] args, Object fin) {
    int given = args == null ? 0 : args.length - 1;
    int numIn = given + (fin != MISSING ? 1 : 0);
    int arity = Builtins.arity(name);
    if (arity < 0) {
      int fixed = -1 - arity;
      if (numIn < fixed) {
        throw errorf("wrong number of args for " + name + ": want at least " + fixed + " got " + given);
      }
    } else if (numIn != arity) {
      throw errorf("wrong number of args for " + name + ": want " + arity + " got " + numIn);
    }
    if (name.equals("and") || name.equals("or")) {
      boolean or = name.equals("or");
      Object v = NO_VALUE;
      for (int i = 1; i <= given; i++) {
        v = evalArg(dot, args[i]);
        if (Builtins.truth(v) == or) {
          return v;
        }
      }
      if (fin != MISSING) {
        v = fin;
      }
      return v;
    }
    List<Object> argv = new ArrayList<>(numIn);
    for (int i = 1; i <= given; i++) {
      if (i == 1 && name.equals("printf")) {
        argv.add(evalStringArg(dot, args[i]));
      } else {
        argv.add(evalArg(dot, args[i]));
      }
    }
    if (fin != MISSING) {
      if (given == 0 && name.equals("printf") && !(fin instanceof String)) {
        throw fin == NO_VALUE ? errorf("invalid value; expected string")
            : errorf("wrong type for value; expected string; got " + GoValues.typeName(fin));
      }
      argv.add(fin);
    }
    try {
      return callBuiltin(name, argv, args);
    } catch (TemplateException e) {
      at(cmd);
      throw errorf("error calling " + name + ": " + e.getMessage());
    }
  }

  private Object evalStringArg(Object dot, Node n) {
    at(n);
    switch (n.kind) {
      case Node.STRING:
        return ((Node.StringNode) n).text;
      case Node.DOT: case Node.FIELD: case Node.VARIABLE: case Node.PIPE: case Node.IDENTIFIER: case Node.CHAIN: {
        Object v = evalArg(dot, n);
        if (v == NO_VALUE) {
          throw errorf("invalid value; expected string");
        }
        if (!(v instanceof String)) {
          throw errorf("wrong type for value; expected string; got " + GoValues.typeName(v));
        }
        return v;
      }
      case Node.NIL:
        throw errorf("cannot assign nil to string");
      default:
        throw errorf("expected string; found " + n);
    }
  }

  private static List<Object> anyArgs(List<Object> argv, int from) {
    List<Object> a = new ArrayList<>(argv.size() - from);
    for (int i = from; i < argv.size(); i++) {
      a.add(arg(argv.get(i)));
    }
    return a;
  }

  private Object callBuiltin(String name, List<Object> argv, Node[] args) {
    switch (name) {
      case "not":
        return !Builtins.truth(argv.get(0));
      case "len":
        return Builtins.len(argv.get(0));
      case "index":
        return Builtins.index(argv.get(0), argv.subList(1, argv.size()));
      case "slice":
        return Builtins.slice(argv.get(0), argv.subList(1, argv.size()));
      case "print":
        return GoFmt.sprint(anyArgs(argv, 0));
      case "println":
        return GoFmt.sprintln(anyArgs(argv, 0));
      case "printf":
        return GoFmt.sprintf((String) argv.get(0), anyArgs(argv, 1));
      case "html":
        return Builtins.html(Builtins.evalArgs(argv));
      case "js":
        return Builtins.js(Builtins.evalArgs(argv));
      case "urlquery":
        return Builtins.urlquery(Builtins.evalArgs(argv));
      case "eq":
        return Builtins.eq(argv.get(0), argv.subList(1, argv.size()));
      case "ne":
        return !Builtins.eq(argv.get(0), argv.subList(1, 2));
      case "lt":
        return Builtins.lt(argv.get(0), argv.get(1));
      case "le":
        return Builtins.le(argv.get(0), argv.get(1));
      case "gt":
        return !Builtins.le(argv.get(0), argv.get(1));
      case "ge":
        return !Builtins.lt(argv.get(0), argv.get(1));
      case "call": {
        Object fn = argv.get(0);
        if (fn == NO_VALUE || fn == null) {
          throw new TemplateException("call of nil");
        }
        if (!(fn instanceof TemplateFunction)) {
          String callee = args != null && args.length > 1 ? args[1].toString() : "";
          throw new TemplateException("non-function " + callee + " of type " + GoValues.typeName(fn));
        }
        return ((TemplateFunction) fn).call(Collections.unmodifiableList(anyArgs(argv, 1)));
      }
      default:
        throw new TemplateException(GoFmt.quote(name) + " is not a defined function");
    }
  }

  private Object evalArg(Object dot, Node n) {
    at(n);
    switch (n.kind) {
      case Node.DOT:
        return dot;
      case Node.NIL:
        return null;
      case Node.FIELD:
        return evalFieldNode(dot, (FieldNode) n, new Node[] {n}, MISSING);
      case Node.VARIABLE:
        return evalVariableNode(dot, (VariableNode) n, null, MISSING);
      case Node.PIPE:
        return evalPipeline(dot, (PipeNode) n);
      case Node.IDENTIFIER:
        return evalFunction(dot, (IdentifierNode) n, n, null, MISSING);
      case Node.CHAIN:
        return evalChainNode(dot, (ChainNode) n, null, MISSING);
      case Node.BOOL:
        return ((Node.Simple) n).value;
      case Node.NUMBER:
        return idealConstant((NumberNode) n);
      case Node.STRING:
        return ((Node.StringNode) n).text;
      default:
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
  }

  private void printValue(Node n, Object v) {
    at(n);
    if (v == NO_VALUE) {
      write("<no value>");
      return;
    }
    if (v instanceof TemplateFunction) {
      throw errorf("can't print " + n + " of type " + GoValues.typeName(v));
    }
    write(v instanceof String ? (String) v : GoValues.print(v));
  }
}
