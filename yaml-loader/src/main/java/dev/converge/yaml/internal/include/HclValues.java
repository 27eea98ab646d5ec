package dev.converge.yaml.internal.include;

import dev.converge.yaml.internal.value.CompactMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attributes of an HCL file whose values are literals, as a {@code .tfvars} file holds them:
 * {@code name = value} where a value is a string (with its escapes), a heredoc ({@code <<EOT} and
 * the indented {@code <<-EOT}), a number, {@code true}/{@code false}/{@code null}, a tuple
 * {@code [a, b]} or an object {@code { key = value, "k" : v }}; {@code #}, {@code //} and
 * {@code /* *}{@code /} comments. That is what Atmos's {@code !include} of a {@code .tfvars} gives
 * (each attribute evaluated without variables or functions). A reference, a function call, an
 * interpolation {@code ${...}} or a block is refused with its line and column: it has no value
 * until Terraform evaluates it.
 */
public final class HclValues {

  /** A file that is not literal HCL; line and column are 1-based. */
  public static final class HclException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int line;
    public final int column;

    HclException(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private final String text;
  private int pos;

  private HclValues(String text) {
    this.text = text;
  }

  /** The file's attributes, in file order. */
  public static Map<String, Object> parse(String text) {
    HclValues parser = new HclValues(text);
    CompactMap attributes = new CompactMap();
    parser.skipSpace(true);
    while (parser.pos < text.length()) {
      int at = parser.pos;
      String name = parser.identifier();
      parser.skipSpace(false);
      if (parser.peek() == '{' || parser.peek() == '"') {
        throw parser.error(at, "`" + name + "` is a block; only attributes (`name = value`) have values here");
      }
      parser.expect('=');
      parser.skipSpace(false);
      Object value = parser.value();
      if (attributes.containsKey(name)) {
        throw parser.error(at, "attribute `" + name + "` is defined twice");
      }
      attributes.put(name, value);
      parser.skipSpace(false);
      if (parser.pos < text.length() && parser.peek() != '\n') {
        throw parser.error(parser.pos, "expected a new line after the value of `" + name + "`");
      }
      parser.skipSpace(true);
    }
    return attributes;
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '<' && text.startsWith("<<", pos)) {
      return heredoc();
    }
    if (c == '[') {
      return tuple();
    }
    if (c == '{') {
      return object();
    }
    if (c == '-' || Character.isDigit(c)) {
      return number();
    }
    int at = pos;
    if (Character.isLetter(c) || c == '_') {
      String word = identifier();
      switch (word) {
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        case "null":
          return null;
        default:
          throw error(at, "`" + word + "` is an expression (a reference or a function call); only literal values"
              + " can be included");
      }
    }
    throw error(at, c == '\0' ? "a value is missing" : "unexpected `" + c + "`");
  }

  private String string() {
    int start = pos;
    pos++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw error(start, "the string is not closed");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if ((c == '$' || c == '%') && text.startsWith(c + "{", pos - 1)) {
        throw error(pos - 1, "`" + c + "{...}` is a template expression; only literal values can be included");
      }
      if ((c == '$' || c == '%') && text.startsWith(c + "" + c + "{", pos - 1)) { // `$${` is a literal `${`
        out.append(c).append('{');
        pos += 2;
        continue;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error(start, "the string is not closed");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          if (pos + digits > text.length()) {
            throw error(pos - 2, "`\\" + e + "` needs " + digits + " hexadecimal digits");
          }
          try {
            out.appendCodePoint(Integer.parseInt(text.substring(pos, pos + digits), 16));
          } catch (IllegalArgumentException ex) {
            throw error(pos - 2, "`\\" + e + "` needs " + digits + " hexadecimal digits");
          }
          pos += digits;
        }
        default -> throw error(pos - 2, "unknown escape `\\" + e + "`");
      }
    }
  }

  private String heredoc() {
    int start = pos;
    pos += 2;
    boolean indented = pos < text.length() && text.charAt(pos) == '-';
    if (indented) {
      pos++;
    }
    String marker = identifier();
    int eol = text.indexOf('\n', pos);
    if (eol < 0 || !text.substring(pos, eol).isBlank()) {
      throw error(start, "a heredoc's marker ends its line");
    }
    pos = eol + 1;
    List<String> lines = new ArrayList<>();
    while (true) {
      if (pos >= text.length()) {
        throw error(start, "heredoc `" + marker + "` is not closed");
      }
      int end = text.indexOf('\n', pos);
      String line = text.substring(pos, end < 0 ? text.length() : end);
      pos = end < 0 ? text.length() : end;
      if (line.strip().equals(marker)) {
        break;
      }
      pos = Math.min(pos + 1, text.length());
      lines.add(line);
    }
    if (indented) {
      int indent = Integer.MAX_VALUE;
      for (String line : lines) {
        if (!line.isBlank()) {
          indent = Math.min(indent, line.length() - line.stripLeading().length());
        }
      }
      int cut = indent == Integer.MAX_VALUE ? 0 : indent;
      lines.replaceAll(l -> l.length() >= cut ? l.substring(cut) : l.strip());
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private List<Object> tuple() {
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace(true);
    while (peek() != ']') {
      items.add(value());
      skipSpace(true);
      if (peek() == ',') {
        pos++;
        skipSpace(true);
      } else if (peek() != ']') {
        throw error(pos, "expected `,` or `]` in the list");
      }
    }
    pos++;
    return items;
  }

  private Map<String, Object> object() {
    int start = pos;
    pos++;
    CompactMap entries = new CompactMap();
    skipSpace(true);
    while (peek() != '}') {
      if (pos >= text.length()) {
        throw error(start, "the object is not closed");
      }
      int at = pos;
      String key = peek() == '"' ? string() : identifier();
      skipSpace(false);
      if (peek() != '=' && peek() != ':') {
        throw error(pos, "expected `=` or `:` after key `" + key + "`");
      }
      pos++;
      skipSpace(true);
      if (entries.containsKey(key)) {
        throw error(at, "key `" + key + "` is defined twice");
      }
      entries.put(key, value());
      skipSpace(false);
      if (peek() == ',') {
        pos++;
      }
      skipSpace(true);
    }
    pos++;
    return entries;
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "._eE+-".indexOf(text.charAt(pos)) >= 0)) {
      char c = text.charAt(pos);
      if ((c == '+' || c == '-') && !(text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
        break;
      }
      pos++;
    }
    String literal = text.substring(start, pos);
    try {
      BigDecimal number = new BigDecimal(literal);
      if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
        BigInteger whole = number.toBigIntegerExact();
        return whole.bitLength() < 64 ? (Object) whole.longValue() : whole;
      }
      return number.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(start, "`" + literal + "` is not a number");
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        break;
      }
      pos++;
    }
    if (pos == start) {
      throw error(start, pos < text.length() ? "unexpected `" + text.charAt(pos) + "`" : "a name is missing");
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error(pos, "expected `" + c + "`");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  /** Skips blanks and comments, and new lines too when {@code lines}. */
  private void skipSpace(boolean lines) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || (lines && c == '\n')) {
        pos++;
      } else if (c == '#' || text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(pos, "the comment is not closed");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private HclException error(int at, String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new HclException(message, line, column);
  }
}
