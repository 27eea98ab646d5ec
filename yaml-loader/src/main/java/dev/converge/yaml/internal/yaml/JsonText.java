package dev.converge.yaml.internal.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259), as Go's {@code encoding/json} decodes it: where Atmos decodes a string
 * with {@code json.Unmarshal} and keeps the text when that fails ({@code !template}, {@code !exec}
 * output, Sprig's {@code fromJson}), a YAML parse would accept too much ({@code {not json}} is a
 * YAML flow map). Objects become insertion-ordered maps (a repeated key: the last wins, as in Go),
 * arrays lists, integers {@code Long} (a {@code Double} beyond its range), other numbers
 * {@code Double}.
 *
 * <p>How: one recursive-descent pass over the text; nesting deeper than {@link #MAX_DEPTH} is
 * refused rather than allowed to exhaust the thread's stack.
 */
public final class JsonText {

  /** Nesting a document may have, as the YAML reader allows. */
  public static final int MAX_DEPTH = 400;

  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /** Whether {@code text} is exactly one JSON value (blanks around it allowed). */
  public static boolean isJson(String text) {
    JsonText p = new JsonText(text);
    try {
      p.blanks();
      p.value(0);
      p.blanks();
      return p.at == text.length();
    } catch (Invalid e) {
      return false;
    }
  }

  /**
   * The value of {@code text} when it is JSON ({@code null} for the JSON {@code null}), else
   * {@code otherwise}.
   */
  public static Object parseOr(String text, Object otherwise) {
    JsonText p = new JsonText(text);
    try {
      p.blanks();
      Object value = p.value(0);
      p.blanks();
      return p.at == text.length() ? value : otherwise;
    } catch (Invalid e) {
      return otherwise;
    }
  }

  private static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid() {
      super(null, null, false, false);
    }
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH || at >= text.length()) {
      throw new Invalid();
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw new Invalid();
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    blanks();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      blanks();
      if (peek() != '"') {
        throw new Invalid();
      }
      String key = string();
      blanks();
      expect(':');
      blanks();
      map.put(key, value(depth));
      blanks();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw new Invalid();
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    at++;
    blanks();
    if (peek() == ']') {
      at++;
      return list;
    }
    while (true) {
      blanks();
      list.add(value(depth));
      blanks();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw new Invalid();
      }
    }
  }

  private String string() {
    at++; // the opening quote
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new Invalid();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw new Invalid();
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(at++), 16);
            if (d < 0) {
              throw new Invalid();
            }
            code = code * 16 + d;
          }
          out.append((char) code);
        }
        default -> throw new Invalid();
      }
    }
  }

  private Object number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (digits() == 0) {
      throw new Invalid();
    }
    boolean integer = true;
    if (peek() == '.') {
      at++;
      integer = false;
      if (digits() == 0) {
        throw new Invalid();
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      at++;
      integer = false;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (digits() == 0) {
        throw new Invalid();
      }
    }
    String literal = text.substring(start, at);
    if (integer) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException e) {
        return Double.parseDouble(literal);
      }
    }
    return Double.parseDouble(literal);
  }

  private int digits() {
    int n = 0;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
      n++;
    }
    return n;
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw new Invalid();
    }
    at += word.length();
    return value;
  }

  private void blanks() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private char next() {
    if (at >= text.length()) {
      throw new Invalid();
    }
    return text.charAt(at++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new Invalid();
    }
  }
}
