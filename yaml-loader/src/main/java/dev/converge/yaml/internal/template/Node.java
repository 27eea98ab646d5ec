package dev.converge.yaml.internal.template;

import java.util.List;

/**
 * A node of a parsed template, as Go's {@code text/template/parse} has them. Nodes are immutable
 * once the parser has built them; {@link #toString()} is Go's {@code String()}, which execution
 * errors quote as {@code at <...>}. Positions are char indices into the text of the template
 * that holds them ({@link #tree}).
 */
abstract class Node {

  static final int TEXT = 0;
  static final int ACTION = 1;
  static final int IF = 2;
  static final int RANGE = 3;
  static final int WITH = 4;
  static final int TEMPLATE = 5;
  static final int LIST = 6;
  static final int BREAK = 7;
  static final int CONTINUE = 8;
  static final int PIPE = 9;
  static final int COMMAND = 10;
  static final int FIELD = 11;
  static final int VARIABLE = 12;
  static final int CHAIN = 13;
  static final int IDENTIFIER = 14;
  static final int DOT = 15;
  static final int NIL = 16;
  static final int BOOL = 17;
  static final int NUMBER = 18;
  static final int STRING = 19;
  static final int END = 20;
  static final int ELSE = 21;

  final int kind;
  final int pos;
  /** The text the node was parsed from, for error positions. */
  final String source;

  Node(int kind, int pos, String source) {
    this.kind = kind;
    this.pos = pos;
    this.source = source;
  }

  /** Go's String(); {@code q} quotes text nodes as Go's tests print them (textFormat %q). */
  abstract void writeTo(StringBuilder b, boolean q);

  @Override
  public final String toString() {
    StringBuilder b = new StringBuilder();
    writeTo(b, false);
    return b.toString();
  }

  /** Go's String() with text quoted, as Go's parse tests print trees. */
  final String quotedString() {
    StringBuilder b = new StringBuilder();
    writeTo(b, true);
    return b.toString();
  }

  static final class ListNode extends Node {
    final Node[] nodes;

    ListNode(int pos, String source, List<Node> nodes) {
      super(LIST, pos, source);
      this.nodes = nodes.toArray(new Node[0]);
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      for (Node n : nodes) {
        n.writeTo(b, q);
      }
    }
  }

  static final class TextNode extends Node {
    final String text;

    TextNode(int pos, String source, String text) {
      super(TEXT, pos, source);
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(q ? GoFmt.quote(text) : text);
    }
  }

  /** {{end}} and {{else}}: parser-only markers. */
  static final class Marker extends Node {
    final int line;

    Marker(int kind, int pos, String source, int line) {
      super(kind, pos, source);
      this.line = line;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(kind == END ? "{{end}}" : "{{else}}");
    }
  }

  static final class ActionNode extends Node {
    final int line;
    final PipeNode pipe;

    ActionNode(int pos, String source, int line, PipeNode pipe) {
      super(ACTION, pos, source);
      this.line = line;
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append("{{");
      pipe.writeTo(b, q);
      b.append("}}");
    }
  }

  static final class LoopControl extends Node {
    LoopControl(int kind, int pos, String source) {
      super(kind, pos, source);
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(kind == BREAK ? "{{break}}" : "{{continue}}");
    }
  }

  /** if, range and with. */
  static final class BranchNode extends Node {
    final PipeNode pipe;
    final ListNode list;
    final ListNode elseList;

    BranchNode(int kind, int pos, String source, PipeNode pipe, ListNode list, ListNode elseList) {
      super(kind, pos, source);
      this.pipe = pipe;
      this.list = list;
      this.elseList = elseList;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append("{{").append(kind == IF ? "if" : kind == RANGE ? "range" : "with").append(' ');
      pipe.writeTo(b, q);
      b.append("}}");
      list.writeTo(b, q);
      if (elseList != null) {
        b.append("{{else}}");
        elseList.writeTo(b, q);
      }
      b.append("{{end}}");
    }
  }

  static final class TemplateNode extends Node {
    final String name;
    final PipeNode pipe;

    TemplateNode(int pos, String source, String name, PipeNode pipe) {
      super(TEMPLATE, pos, source);
      this.name = name;
      this.pipe = pipe;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append("{{template ").append(GoFmt.quote(name));
      if (pipe != null) {
        b.append(' ');
        pipe.writeTo(b, q);
      }
      b.append("}}");
    }
  }

  static final class PipeNode extends Node {
    final boolean isAssign;
    final VariableNode[] decl;
    final CommandNode[] cmds;

    PipeNode(int pos, String source, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds) {
      super(PIPE, pos, source);
      this.isAssign = isAssign;
      this.decl = decl.toArray(new VariableNode[0]);
      this.cmds = cmds.toArray(new CommandNode[0]);
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      if (decl.length > 0) {
        for (int i = 0; i < decl.length; i++) {
          if (i > 0) {
            b.append(", ");
          }
          decl[i].writeTo(b, q);
        }
        b.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.length; i++) {
        if (i > 0) {
          b.append(" | ");
        }
        cmds[i].writeTo(b, q);
      }
    }
  }

  static final class CommandNode extends Node {
    final Node[] args;

    CommandNode(int pos, String source, List<Node> args) {
      super(COMMAND, pos, source);
      this.args = args.toArray(new Node[0]);
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      for (int i = 0; i < args.length; i++) {
        if (i > 0) {
          b.append(' ');
        }
        if (args[i].kind == PIPE) {
          b.append('(');
          args[i].writeTo(b, q);
          b.append(')');
        } else {
          args[i].writeTo(b, q);
        }
      }
    }
  }

  static final class FieldNode extends Node {
    final String[] ident;

    FieldNode(int pos, String source, String[] ident) {
      super(FIELD, pos, source);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      for (String id : ident) {
        b.append('.').append(id);
      }
    }
  }

  static final class VariableNode extends Node {
    final String[] ident;

    VariableNode(int pos, String source, String[] ident) {
      super(VARIABLE, pos, source);
      this.ident = ident;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      for (int i = 0; i < ident.length; i++) {
        if (i > 0) {
          b.append('.');
        }
        b.append(ident[i]);
      }
    }
  }

  static final class ChainNode extends Node {
    final Node node;
    final String[] field;

    ChainNode(int pos, String source, Node node, String[] field) {
      super(CHAIN, pos, source);
      this.node = node;
      this.field = field;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      if (node.kind == PIPE) {
        b.append('(');
        node.writeTo(b, q);
        b.append(')');
      } else {
        node.writeTo(b, q);
      }
      for (String f : field) {
        b.append('.').append(f);
      }
    }
  }

  static final class IdentifierNode extends Node {
    final String name;

    IdentifierNode(int pos, String source, String name) {
      super(IDENTIFIER, pos, source);
      this.name = name;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(name);
    }
  }

  /** dot, nil, true and false. */
  static final class Simple extends Node {
    final boolean value;

    Simple(int kind, int pos, String source, boolean value) {
      super(kind, pos, source);
      this.value = value;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(kind == DOT ? "." : kind == NIL ? "nil" : value ? "true" : "false");
    }
  }

  /**
   * A number constant: its text and the value Go's idealConstant gives it (a Long, a Double), or
   * null when it is an unsigned value that overflows int.
   */
  static final class NumberNode extends Node {
    final String text;
    final Object value;
    final boolean isInt;

    NumberNode(int pos, String source, String text, Object value, boolean isInt) {
      super(NUMBER, pos, source);
      this.text = text;
      this.value = value;
      this.isInt = isInt;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(text);
    }
  }

  static final class StringNode extends Node {
    final String quoted;
    final String text;

    StringNode(int pos, String source, String quoted, String text) {
      super(STRING, pos, source);
      this.quoted = quoted;
      this.text = text;
    }

    @Override
    void writeTo(StringBuilder b, boolean q) {
      b.append(quoted);
    }
  }
}
