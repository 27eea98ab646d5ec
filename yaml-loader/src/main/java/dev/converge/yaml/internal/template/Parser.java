package dev.converge.yaml.internal.template;

import dev.converge.yaml.internal.template.Lexer.Item;
import dev.converge.yaml.internal.template.Node.BranchNode;
import dev.converge.yaml.internal.template.Node.ChainNode;
import dev.converge.yaml.internal.template.Node.CommandNode;
import dev.converge.yaml.internal.template.Node.FieldNode;
import dev.converge.yaml.internal.template.Node.IdentifierNode;
import dev.converge.yaml.internal.template.Node.ListNode;
import dev.converge.yaml.internal.template.Node.Marker;
import dev.converge.yaml.internal.template.Node.NumberNode;
import dev.converge.yaml.internal.template.Node.PipeNode;
import dev.converge.yaml.internal.template.Node.StringNode;
import dev.converge.yaml.internal.template.Node.VariableNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's template parser ({@code text/template/parse/parse.go}): a recursive descent over the
 * lexer's tokens that builds the tree of the template and of every {@code define} and
 * {@code block} in it, checks at parse time what Go checks (functions exist, variables are
 * declared, {@code break} is inside {@code range}, pipelines are not empty) and reports the first
 * error in Go's words: {@code template: NAME:LINE: unexpected "}" in operand}.
 *
 * <p>Nesting of parentheses and control structures is bounded by {@link #MAX_DEPTH} (Go allows
 * 10000 parentheses, which a worker thread's stack cannot be assumed to hold in Java).
 */
final class Parser {

  /** The deepest nesting of parentheses plus if/range/with/define bodies a template may have. */
  static final int MAX_DEPTH = 200;

  private final String parseName;
  private final String text;
  private final List<Item> items;
  private final Set<String> functions;
  private final Map<String, ListNode> trees;
  private int index;
  private int lexed;
  private List<String> vars = new ArrayList<>();
  private int rangeDepth;
  private int depth;
  private int actionLine;

  private Parser(String name, String text, Set<String> functions, Map<String, ListNode> trees, String left,
      String right) {
    this.parseName = name;
    this.text = text;
    this.functions = functions;
    this.trees = trees;
    // break and continue are keywords unless a function of that name is in scope (Go's rule)
    this.items = Lexer.lex(text, left, right, !functions.contains("break"), !functions.contains("continue"));
    vars.add("$");
  }

  /**
   * Parses a template with these action delimiters; returns its trees by name (the top-level one
   * under {@code name}).
   */
  static Map<String, ListNode> parse(String name, String text, Set<String> functions, String left, String right) {
    Map<String, ListNode> trees = new LinkedHashMap<>();
    Parser p = new Parser(name, text, functions, trees, left, right);
    ListNode root = p.parseTop();
    p.add(name, root);
    return trees;
  }

  // ---- tokens

  private Item next() {
    Item it = items.get(index);
    if (index < items.size() - 1) {
      index++;
    } else {
      index = items.size();
    }
    lexed = Math.max(lexed, index - 1);
    return it;
  }

  private void backup() {
    index--;
  }

  private Item peek() {
    Item it = items.get(Math.min(index, items.size() - 1));
    lexed = Math.max(lexed, Math.min(index, items.size() - 1));
    return it;
  }

  private Item nextNonSpace() {
    Item t;
    do {
      t = next();
    } while (t.type == Lexer.SPACE);
    return t;
  }

  private Item peekNonSpace() {
    Item t = nextNonSpace();
    backup();
    return t;
  }

  // ---- errors

  private TemplateException errorf(String message) {
    int line = items.get(Math.min(lexed, items.size() - 1)).line;
    throw new TemplateException("template: " + parseName + ":" + line + ": " + message);
  }

  private TemplateException unexpected(Item token, String context) {
    if (token.type == Lexer.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (token.val.endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      throw errorf(token + extra);
    }
    throw errorf("unexpected " + token + " in " + context);
  }

  private Item expect(int type, String context) {
    Item t = nextNonSpace();
    if (t.type != type) {
      throw unexpected(t, context);
    }
    return t;
  }

  // ---- trees

  private void add(String name, ListNode root) {
    ListNode existing = trees.get(name);
    if (existing == null || isEmptyTree(existing)) {
      trees.put(name, root);
      return;
    }
    if (!isEmptyTree(root)) {
      throw errorf("template: multiple definition of template " + GoFmt.quote(name));
    }
  }

  static boolean isEmptyTree(Node n) {
    if (n == null) {
      return true;
    }
    switch (n.kind) {
      case Node.LIST:
        for (Node c : ((ListNode) n).nodes) {
          if (!isEmptyTree(c)) {
            return false;
          }
        }
        return true;
      case Node.TEXT:
        return ((Node.TextNode) n).text.trim().isEmpty();
      default:
        return false;
    }
  }

  private ListNode parseTop() {
    int pos = peek().pos;
    List<Node> nodes = new ArrayList<>();
    while (peek().type != Lexer.EOF) {
      if (peek().type == Lexer.LEFT_DELIM) {
        int mark = index;
        next();
        if (nextNonSpace().type == Lexer.DEFINE) {
          parseDefinition();
          continue;
        }
        index = mark;
      }
      Node n = textOrAction();
      if (n.kind == Node.END || n.kind == Node.ELSE) {
        throw errorf("unexpected " + n);
      }
      nodes.add(n);
    }
    return new ListNode(pos, text, nodes);
  }

  private void parseDefinition() {
    String context = "define clause";
    Item name = nextNonSpace();
    if (name.type != Lexer.STRING && name.type != Lexer.RAW_STRING) {
      throw unexpected(name, context);
    }
    String defined = unquote(name.val);
    expect(Lexer.RIGHT_DELIM, context);
    List<String> savedVars = vars;
    int savedRange = rangeDepth;
    vars = new ArrayList<>();
    vars.add("$");
    rangeDepth = 0;
    Node[] end = new Node[1];
    ListNode root = itemList(end);
    if (end[0].kind != Node.END) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    add(defined, root);
    vars = savedVars;
    rangeDepth = savedRange;
  }

  private ListNode itemList(Node[] end) {
    if (++depth > MAX_DEPTH) {
      throw errorf("max nesting depth exceeded (" + MAX_DEPTH + ")");
    }
    int pos = peekNonSpace().pos;
    List<Node> nodes = new ArrayList<>();
    while (peekNonSpace().type != Lexer.EOF) {
      Node n = textOrAction();
      if (n.kind == Node.END || n.kind == Node.ELSE) {
        end[0] = n;
        depth--;
        return new ListNode(pos, text, nodes);
      }
      nodes.add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = nextNonSpace();
    switch (token.type) {
      case Lexer.TEXT:
        return new Node.TextNode(token.pos, text, token.val);
      case Lexer.LEFT_DELIM:
        actionLine = token.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(token, "input");
    }
  }

  private Node action() {
    Item token = nextNonSpace();
    switch (token.type) {
      case Lexer.BLOCK:
        return blockControl();
      case Lexer.BREAK:
      case Lexer.CONTINUE:
        return loopControl(token);
      case Lexer.ELSE:
        return elseControl();
      case Lexer.END:
        return new Marker(Node.END, expect(Lexer.RIGHT_DELIM, "end").pos, text, token.line);
      case Lexer.IF:
        return control(Node.IF, "if");
      case Lexer.RANGE:
        return control(Node.RANGE, "range");
      case Lexer.TEMPLATE:
        return templateControl();
      case Lexer.WITH:
        return control(Node.WITH, "with");
      default:
        break;
    }
    backup();
    Item t = peek();
    return new Node.ActionNode(t.pos, text, t.line, pipeline("command", Lexer.RIGHT_DELIM));
  }

  private Node loopControl(Item keyword) {
    String name = keyword.type == Lexer.BREAK ? "{{break}}" : "{{continue}}";
    Item t = nextNonSpace();
    if (t.type != Lexer.RIGHT_DELIM) {
      throw unexpected(t, name);
    }
    if (rangeDepth == 0) {
      throw errorf(name + " outside {{range}}");
    }
    return new Node.LoopControl(keyword.type == Lexer.BREAK ? Node.BREAK : Node.CONTINUE, keyword.pos, text);
  }

  private Node elseControl() {
    Item peek = peekNonSpace();
    if (peek.type == Lexer.IF || peek.type == Lexer.WITH) {
      return new Marker(Node.ELSE, peek.pos, text, peek.line);
    }
    Item t = expect(Lexer.RIGHT_DELIM, "else");
    return new Marker(Node.ELSE, t.pos, text, t.line);
  }

  private Node control(int kind, String context) {
    int mark = vars.size();
    PipeNode pipe = pipeline(context, Lexer.RIGHT_DELIM);
    if (kind == Node.RANGE) {
      rangeDepth++;
    }
    Node[] next = new Node[1];
    ListNode list = itemList(next);
    if (kind == Node.RANGE) {
      rangeDepth--;
    }
    ListNode elseList = null;
    if (next[0].kind == Node.ELSE) {
      if (kind == Node.IF && peek().type == Lexer.IF) {
        next();
        elseList = new ListNode(next[0].pos, text, List.of(control(Node.IF, "if")));
      } else if (kind == Node.WITH && peek().type == Lexer.WITH) {
        next();
        elseList = new ListNode(next[0].pos, text, List.of(control(Node.WITH, "with")));
      } else {
        elseList = itemList(next);
        if (next[0].kind != Node.END) {
          throw errorf("expected end; found " + next[0]);
        }
      }
    }
    vars = new ArrayList<>(vars.subList(0, mark));
    return new BranchNode(kind, pipe.pos, text, pipe, list, elseList);
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = pipeline(context, Lexer.RIGHT_DELIM);
    List<String> savedVars = vars;
    int savedRange = rangeDepth;
    vars = new ArrayList<>();
    vars.add("$");
    rangeDepth = 0;
    Node[] end = new Node[1];
    ListNode root = itemList(end);
    if (end[0].kind != Node.END) {
      throw errorf("unexpected " + end[0] + " in " + context);
    }
    add(name, root);
    vars = savedVars;
    rangeDepth = savedRange;
    return new Node.TemplateNode(token.pos, text, name, pipe);
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type != Lexer.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Lexer.RIGHT_DELIM);
    }
    return new Node.TemplateNode(token.pos, text, name, pipe);
  }

  private String templateName(Item token, String context) {
    if (token.type == Lexer.STRING || token.type == Lexer.RAW_STRING) {
      return unquote(token.val);
    }
    throw unexpected(token, context);
  }

  private PipeNode pipeline(String context, int end) {
    Item first = peekNonSpace();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>(2);
    List<CommandNode> cmds = new ArrayList<>(2);
    decls:
    while (true) {
      Item v = peekNonSpace();
      if (v.type != Lexer.VARIABLE) {
        break;
      }
      int mark = index;
      next();
      Item nxt = peekNonSpace();
      if (nxt.type == Lexer.ASSIGN || nxt.type == Lexer.DECLARE) {
        isAssign = nxt.type == Lexer.ASSIGN;
        nextNonSpace();
        decl.add(new VariableNode(v.pos, text, new String[] {v.val}));
        vars.add(v.val);
      } else if (nxt.type == Lexer.CHAR && nxt.val.equals(",")) {
        nextNonSpace();
        decl.add(new VariableNode(v.pos, text, new String[] {v.val}));
        vars.add(v.val);
        if (context.equals("range") && decl.size() < 2) {
          int t = peekNonSpace().type;
          if (t == Lexer.VARIABLE || t == Lexer.RIGHT_DELIM || t == Lexer.RIGHT_PAREN) {
            continue decls;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else {
        // the variable is an operand, not a declaration: read it again as a command
        index = mark;
      }
      break;
    }
    while (true) {
      Item token = nextNonSpace();
      if (token.type == end) {
        if (cmds.isEmpty()) {
          throw errorf("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          int k = cmds.get(i).args[0].kind;
          if (k == Node.BOOL || k == Node.DOT || k == Node.NIL || k == Node.NUMBER || k == Node.STRING) {
            throw errorf("non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(first.pos, text, isAssign, decl, cmds);
      }
      switch (token.type) {
        case Lexer.BOOL: case Lexer.CHAR_CONSTANT: case Lexer.COMPLEX: case Lexer.DOT: case Lexer.FIELD:
        case Lexer.IDENTIFIER: case Lexer.NUMBER: case Lexer.NIL: case Lexer.RAW_STRING: case Lexer.STRING:
        case Lexer.VARIABLE: case Lexer.LEFT_PAREN:
          backup();
          cmds.add(command());
          break;
        default:
          throw unexpected(token, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos;
    List<Node> args = new ArrayList<>(4);
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Item token = next();
      if (token.type == Lexer.SPACE) {
        continue;
      }
      if (token.type == Lexer.RIGHT_DELIM || token.type == Lexer.RIGHT_PAREN) {
        backup();
      } else if (token.type != Lexer.PIPE) {
        throw unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw errorf("empty command");
    }
    return new CommandNode(pos, text, args);
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type == Lexer.FIELD) {
      int pos = peek().pos;
      List<String> fields = new ArrayList<>(2);
      while (peek().type == Lexer.FIELD) {
        fields.add(next().val.substring(1));
      }
      switch (node.kind) {
        case Node.FIELD: {
          String[] base = ((FieldNode) node).ident;
          return new FieldNode(pos, text, concat(base, fields));
        }
        case Node.VARIABLE: {
          String[] base = ((VariableNode) node).ident;
          return new VariableNode(pos, text, concat(base, fields));
        }
        case Node.BOOL: case Node.STRING: case Node.NUMBER: case Node.NIL: case Node.DOT:
          throw errorf("unexpected . after term " + GoFmt.quote(node.toString()));
        default:
          return new ChainNode(pos, text, node, fields.toArray(new String[0]));
      }
    }
    return node;
  }

  private static String[] concat(String[] base, List<String> more) {
    String[] all = new String[base.length + more.size()];
    System.arraycopy(base, 0, all, 0, base.length);
    for (int i = 0; i < more.size(); i++) {
      all[base.length + i] = more.get(i);
    }
    return all;
  }

  private Node term() {
    Item token = nextNonSpace();
    switch (token.type) {
      case Lexer.IDENTIFIER:
        if (!Builtins.NAMES.contains(token.val) && !functions.contains(token.val)) {
          throw errorf("function " + GoFmt.quote(token.val) + " not defined");
        }
        return new IdentifierNode(token.pos, text, token.val);
      case Lexer.DOT:
        return new Node.Simple(Node.DOT, token.pos, text, false);
      case Lexer.NIL:
        return new Node.Simple(Node.NIL, token.pos, text, false);
      case Lexer.VARIABLE: {
        String[] ident = token.val.split("\\.", -1);
        if (!vars.contains(ident[0])) {
          throw errorf("undefined variable " + GoFmt.quote(ident[0]));
        }
        return new VariableNode(token.pos, text, ident);
      }
      case Lexer.FIELD:
        return new FieldNode(token.pos, text, new String[] {token.val.substring(1)});
      case Lexer.BOOL:
        return new Node.Simple(Node.BOOL, token.pos, text, token.val.equals("true"));
      case Lexer.CHAR_CONSTANT: case Lexer.COMPLEX: case Lexer.NUMBER:
        return number(token);
      case Lexer.LEFT_PAREN: {
        if (depth >= MAX_DEPTH) {
          throw errorf("max expression depth exceeded");
        }
        depth++;
        try {
          return pipeline("parenthesized pipeline", Lexer.RIGHT_PAREN);
        } finally {
          depth--;
        }
      }
      case Lexer.STRING: case Lexer.RAW_STRING:
        return new StringNode(token.pos, text, token.val, unquote(token.val));
      default:
        backup();
        return null;
    }
  }

  // ---- literals

  private String unquote(String quoted) {
    try {
      return GoLiterals.unquote(quoted);
    } catch (IllegalArgumentException e) {
      throw errorf(e.getMessage());
    }
  }

  private NumberNode number(Item token) {
    String t = token.val;
    if (token.type == Lexer.CHAR_CONSTANT) {
      int[] r;
      try {
        r = GoLiterals.unquoteChar(t, 1, '\'');
      } catch (IllegalArgumentException e) {
        throw errorf(e.getMessage());
      }
      if (r[1] != t.length() - 1 || t.charAt(t.length() - 1) != '\'') {
        throw errorf("malformed character constant: " + t);
      }
      return new NumberNode(token.pos, text, t, (long) r[0], true);
    }
    if (token.type == Lexer.COMPLEX
        || t.endsWith("i") && GoLiterals.parseFloat(t.substring(0, t.length() - 1)) != null) {
      throw errorf("complex number " + t + " is not supported");
    }
    BigInteger integer = GoLiterals.parseInt(t);
    if (integer != null) {
      if (integer.bitLength() < 64) {
        return new NumberNode(token.pos, text, t, isFloatSyntax(t) ? (Object) integer.doubleValue() : (Object) integer.longValue(), true);
      }
      if (integer.signum() > 0 && integer.bitLength() <= 64) {
        return new NumberNode(token.pos, text, t, null, false);
      }
    }
    Double f = GoLiterals.parseFloat(t);
    if (f == null) {
      throw errorf("illegal number syntax: " + GoFmt.quote(t));
    }
    if (integer != null || !containsAny(t, ".eEpP")) {
      throw errorf("integer overflow: " + GoFmt.quote(t));
    }
    boolean isInt = f == Math.rint(f) && Math.abs(f) < 9.223372036854776E18;
    return new NumberNode(token.pos, text, t, f, isInt);
  }

  private static boolean isFloatSyntax(String t) {
    boolean hex = t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X") || t.startsWith("-0x")
        || t.startsWith("+0x") || t.startsWith("-0X") || t.startsWith("+0X"));
    return !hex && containsAny(t, ".eEpP");
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
