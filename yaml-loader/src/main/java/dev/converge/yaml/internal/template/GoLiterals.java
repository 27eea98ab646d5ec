package dev.converge.yaml.internal.template;

import java.math.BigInteger;

/**
 * Go's literal syntax as {@code strconv} reads it for templates: quoted and raw strings, char
 * constants and numbers (decimal, hex, octal, binary, with underscores between digits). Errors
 * are {@link IllegalArgumentException}s with Go's message ({@code invalid syntax}).
 */
final class GoLiterals {

  private GoLiterals() {}

  /** strconv.Unquote for "..." and `...`. */
  static String unquote(String q) {
    int n = q.length();
    if (n < 2) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char quote = q.charAt(0);
    if (quote != q.charAt(n - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (quote == '`') {
      String body = q.substring(1, n - 1);
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
    }
    if (quote != '"') {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (q.indexOf('\\') < 0) {
      String body = q.substring(1, n - 1);
      if (body.indexOf('"') >= 0 || body.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body;
    }
    StringBuilder b = new StringBuilder(n);
    int i = 1;
    while (i < n - 1) {
      char c = q.charAt(i);
      if (c == '"' || c == '\n') {
        throw new IllegalArgumentException("invalid syntax");
      }
      int[] r = unquoteChar(q, i, '"');
      b.appendCodePoint(r[0]);
      i = r[1];
    }
    if (i != n - 1) {
      throw new IllegalArgumentException("invalid syntax");
    }
    return b.toString();
  }

  /** strconv.UnquoteChar at s[i]: {rune, next index}. */
  static int[] unquoteChar(String s, int i, char quote) {
    if (i >= s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char c = s.charAt(i);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (c != '\\') {
      int r = s.codePointAt(i);
      return new int[] {r, i + Character.charCount(r)};
    }
    if (i + 1 >= s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char e = s.charAt(i + 1);
    i += 2;
    switch (e) {
      case 'a': return new int[] {7, i};
      case 'b': return new int[] {8, i};
      case 'f': return new int[] {12, i};
      case 'n': return new int[] {10, i};
      case 'r': return new int[] {13, i};
      case 't': return new int[] {9, i};
      case 'v': return new int[] {11, i};
      case '\\': return new int[] {'\\', i};
      case '\'': case '"':
        if (e != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return new int[] {e, i};
      case 'x': case 'u': case 'U': {
        int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i + len > s.length()) {
          throw new IllegalArgumentException("invalid syntax");
        }
        int v = 0;
        for (int k = 0; k < len; k++) {
          int d = Character.digit(s.charAt(i + k), 16);
          if (d < 0) {
            throw new IllegalArgumentException("invalid syntax");
          }
          v = v * 16 + d;
          if (v > 0x10FFFF && e == 'U') {
            throw new IllegalArgumentException("invalid syntax");
          }
        }
        if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return new int[] {v, i + len};
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (i + 2 > s.length()) {
          throw new IllegalArgumentException("invalid syntax");
        }
        int v = e - '0';
        for (int k = 0; k < 2; k++) {
          int d = s.charAt(i + k) - '0';
          if (d < 0 || d > 7) {
            throw new IllegalArgumentException("invalid syntax");
          }
          v = v * 8 + d;
        }
        if (v > 255) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return new int[] {v, i + 2};
      }
      default:
        throw new IllegalArgumentException("invalid syntax");
    }
  }

  /** strconv.ParseInt(text, 0, ...) without the range check; null when not integer syntax. */
  static BigInteger parseInt(String t) {
    int i = 0;
    boolean negative = false;
    if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      negative = t.charAt(i) == '-';
      i++;
    }
    int radix = 10;
    boolean prefix = false;
    if (t.length() - i >= 2 && t.charAt(i) == '0') {
      char p = Character.toLowerCase(t.charAt(i + 1));
      if (p == 'x') {
        radix = 16;
        i += 2;
        prefix = true;
      } else if (p == 'o') {
        radix = 8;
        i += 2;
        prefix = true;
      } else if (p == 'b') {
        radix = 2;
        i += 2;
        prefix = true;
      } else {
        radix = 8;
        i += 1;
        prefix = true;
      }
    }
    String digits = stripUnderscores(t, i, prefix);
    if (digits == null || digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    return negative ? v.negate() : v;
  }

  /** Digits without underscores, or null when an underscore is misplaced. */
  private static String stripUnderscores(String t, int from, boolean afterPrefix) {
    if (t.indexOf('_', from) < 0) {
      return t.substring(from);
    }
    StringBuilder b = new StringBuilder(t.length());
    boolean prevUnderscore = !afterPrefix;
    for (int k = from; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c == '_') {
        if (prevUnderscore || k == from && !afterPrefix) {
          return null;
        }
        prevUnderscore = true;
      } else {
        b.append(c);
        prevUnderscore = false;
      }
    }
    return prevUnderscore ? null : b.toString();
  }

  /** strconv.ParseFloat(text, 64); null when not float syntax or out of range. */
  static Double parseFloat(String t) {
    String s = t;
    if (s.indexOf('_') >= 0) {
      StringBuilder b = new StringBuilder(s.length());
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '_') {
          boolean okBefore = k > 0 && Character.digit(s.charAt(k - 1), 16) >= 0 || k > 0 && "xXoObB".indexOf(s.charAt(k - 1)) >= 0;
          boolean okAfter = k + 1 < s.length() && Character.digit(s.charAt(k + 1), 16) >= 0;
          if (!okBefore || !okAfter) {
            return null;
          }
        } else {
          b.append(c);
        }
      }
      s = b.toString();
    }
    if (s.isEmpty()) {
      return null;
    }
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || "eEpPxXabcdefABCDEF".indexOf(c) >= 0;
      if (!ok) {
        return null;
      }
    }
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean hex = body.startsWith("0x") || body.startsWith("0X");
    if (!hex && containsHexLetterOtherThanE(body)) {
      return null;
    }
    if (hex && body.indexOf('p') < 0 && body.indexOf('P') < 0) {
      return null;
    }
    if (body.equals(".") || body.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isInfinite(d)) {
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean containsHexLetterOtherThanE(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = Character.toLowerCase(s.charAt(k));
      if (c >= 'a' && c <= 'f' && c != 'e' || c == 'x' || c == 'p') {
        return true;
      }
    }
    return false;
  }
}
