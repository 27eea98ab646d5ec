package dev.converge.yaml.internal.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's builtin template functions ({@code text/template/funcs.go}) over the package's values.
 * Arguments here are as Go's builtins receive them: {@link Execution#NO_VALUE} stands for Go's
 * invalid {@code reflect.Value} (a missing key), {@code null} for a nil interface. Each refusal
 * throws a {@link TemplateException} with Go's reason; the engine places it.
 */
final class Builtins {

  static final Set<String> NAMES = Set.of("and", "call", "html", "index", "slice", "js", "len", "not", "or",
      "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne");

  private Builtins() {}

  /** The fixed argument count, negative when the rest is variadic (-1 - fixed). */
  static int arity(String name) {
    switch (name) {
      case "not": case "len":
        return 1;
      case "ne": case "lt": case "le": case "gt": case "ge":
        return 2;
      case "print": case "println": case "html": case "js": case "urlquery":
        return -1;
      default: // and, or, index, slice, printf, eq, call
        return -2;
    }
  }

  // ---- truth and kinds

  static boolean truth(Object v) {
    return v != Execution.NO_VALUE && GoValues.truth(v);
  }

  private static final int INVALID = 0;
  private static final int BOOL = 1;
  private static final int INT = 3;
  private static final int FLOAT = 4;
  private static final int STRING = 6;
  private static final int UINT = 7;

  private static int basicKind(Object v) {
    if (v instanceof Boolean) {
      return BOOL;
    }
    if (v instanceof Integer || v instanceof Long) {
      return INT;
    }
    if (v instanceof BigInteger) {
      return ((BigInteger) v).bitLength() < 64 ? INT : UINT;
    }
    if (v instanceof Double) {
      return FLOAT;
    }
    if (v instanceof String) {
      return STRING;
    }
    return INVALID;
  }

  private static boolean isValid(Object v) {
    return v != Execution.NO_VALUE && v != null;
  }

  private static BigInteger big(Object v) {
    return v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue());
  }

  /** A value as %v for error messages, Go's %v of a reflect.Value. */
  private static String show(Object v) {
    return v == Execution.NO_VALUE ? "<invalid reflect.Value>" : GoValues.print(v);
  }

  private static String typeOf(Object v) {
    return v == Execution.NO_VALUE ? "<nil>" : GoValues.typeName(v);
  }

  // ---- comparisons

  static boolean eq(Object a1, List<Object> rest) {
    if (rest.isEmpty()) {
      throw new TemplateException("missing argument for comparison");
    }
    int k1 = basicKind(a1);
    for (Object a : rest) {
      int k2 = basicKind(a);
      boolean truth;
      if (k1 != k2) {
        if (k1 == INT && k2 == UINT || k1 == UINT && k2 == INT) {
          truth = big(a1).equals(big(a));
        } else {
          if (isValid(a1) && isValid(a)) {
            throw new TemplateException("incompatible types for comparison");
          }
          truth = false;
        }
      } else {
        switch (k1) {
          case BOOL: case STRING:
            truth = a1.equals(a);
            break;
          case FLOAT:
            truth = ((Double) a1).doubleValue() == ((Double) a).doubleValue();
            break;
          case INT: case UINT:
            truth = big(a1).equals(big(a));
            break;
          default: {
            boolean n1 = !isValid(a1);
            boolean n2 = !isValid(a);
            if (n1 || n2) {
              truth = n1 == n2;
            } else if (!kindName(a1).equals(kindName(a))) {
              throw new TemplateException("non-comparable types " + show(a1) + ": " + typeOf(a1) + ", "
                  + typeOf(a) + ": " + show(a));
            } else {
              throw new TemplateException("non-comparable type " + show(a) + ": " + typeOf(a));
            }
          }
        }
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static String kindName(Object v) {
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof List) {
      return "slice";
    }
    return "func";
  }

  static boolean lt(Object a1, Object a2) {
    int k1 = basicKind(a1);
    if (k1 == INVALID) {
      throw new TemplateException("invalid type for comparison");
    }
    int k2 = basicKind(a2);
    if (k2 == INVALID) {
      throw new TemplateException("invalid type for comparison");
    }
    if (k1 != k2) {
      if (k1 == INT && k2 == UINT || k1 == UINT && k2 == INT) {
        return big(a1).compareTo(big(a2)) < 0;
      }
      throw new TemplateException("incompatible types for comparison");
    }
    switch (k1) {
      case BOOL:
        throw new TemplateException("invalid type for comparison");
      case FLOAT:
        return (Double) a1 < (Double) a2;
      case STRING:
        return compareStrings((String) a1, (String) a2) < 0;
      default:
        return big(a1).compareTo(big(a2)) < 0;
    }
  }

  /** Go's string order: by UTF-8 bytes, which is code point order. */
  static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  static boolean le(Object a1, Object a2) {
    return lt(a1, a2) || eq(a1, List.of(a2 == null ? Execution.NO_VALUE : a2));
  }

  // ---- len, index, slice

  static Object len(Object item) {
    if (item == null) {
      throw new TemplateException("len of nil pointer");
    }
    if (item == Execution.NO_VALUE) {
      // Go's length asks the type of an invalid reflect.Value, which panics; the panic is the error
      throw new TemplateException("reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof String) {
      return (long) utf8Length((String) item);
    }
    if (item instanceof Map) {
      return (long) ((Map<?, ?>) item).size();
    }
    if (item instanceof List) {
      return (long) ((List<?>) item).size();
    }
    throw new TemplateException("len of type " + GoValues.typeName(item));
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static long indexArg(Object index, int cap) {
    long x;
    if (index instanceof Integer || index instanceof Long) {
      x = ((Number) index).longValue();
    } else if (index instanceof BigInteger) {
      BigInteger b = (BigInteger) index;
      x = b.bitLength() < 64 ? b.longValue() : Long.MAX_VALUE;
    } else if (!isValid(index)) {
      throw new TemplateException("cannot index slice/array with nil");
    } else {
      throw new TemplateException("cannot index slice/array with type " + GoValues.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new TemplateException("index out of range: " + x);
    }
    return x;
  }

  static Object index(Object item, List<Object> indexes) {
    if (item == Execution.NO_VALUE || item == null) {
      throw new TemplateException("index of untyped nil");
    }
    for (Object index : indexes) {
      if (item == null) {
        throw new TemplateException("index of nil pointer");
      }
      if (item instanceof List) {
        List<?> l = (List<?>) item;
        long x = indexArg(index, l.size());
        if (x == l.size()) {
          throw new TemplateException("index out of range: " + x);
        }
        item = l.get((int) x);
      } else if (item instanceof String) {
        byte[] bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
        long x = indexArg(index, bytes.length);
        if (x == bytes.length) {
          throw new TemplateException("index out of range: " + x);
        }
        item = (long) (bytes[(int) x] & 0xFF);
      } else if (item instanceof Map) {
        if (!isValid(index)) {
          throw new TemplateException("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new TemplateException("value has type " + GoValues.typeName(index) + "; should be string");
        }
        item = ((Map<?, ?>) item).get(index);
      } else {
        throw new TemplateException("can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  static Object slice(Object item, List<Object> indexes) {
    if (item == Execution.NO_VALUE || item == null) {
      throw new TemplateException("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new TemplateException("too many slice indexes: " + indexes.size());
    }
    int cap;
    byte[] bytes = null;
    if (item instanceof String) {
      if (indexes.size() == 3) {
        throw new TemplateException("cannot 3-index slice a string");
      }
      bytes = ((String) item).getBytes(StandardCharsets.UTF_8);
      cap = bytes.length;
    } else if (item instanceof List) {
      cap = ((List<?>) item).size();
    } else {
      throw new TemplateException("can't slice item of type " + GoValues.typeName(item));
    }
    int[] idx = {0, cap, cap};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = (int) indexArg(indexes.get(i), cap);
    }
    if (idx[0] > idx[1]) {
      throw new TemplateException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new TemplateException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
  }

  // ---- escapers

  /** Go's evalArgs: one string as it is, otherwise Sprint with missing values as "<no value>". */
  static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String) {
      return (String) args.get(0);
    }
    List<Object> printable = new ArrayList<>(args.size());
    for (Object a : args) {
      printable.add(a == null || a == Execution.NO_VALUE ? "<no value>" : a);
    }
    return GoFmt.sprint(printable);
  }

  static String html(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String r;
      switch (c) {
        case 0: r = "\uFFFD"; break;
        case '"': r = "&#34;"; break;
        case '\'': r = "&#39;"; break;
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        default: r = null;
      }
      if (r == null) {
        if (b != null) {
          b.append(c);
        }
        continue;
      }
      if (b == null) {
        b = new StringBuilder(s.length() + 16);
        b.append(s, 0, i);
      }
      b.append(r);
    }
    return b == null ? s : b.toString();
  }

  static String js(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\': b.append("\\\\"); continue;
        case '\'': b.append("\\'"); continue;
        case '"': b.append("\\\""); continue;
        case '<': b.append("\\u003C"); continue;
        case '>': b.append("\\u003E"); continue;
        case '&': b.append("\\u0026"); continue;
        case '=': b.append("\\u003D"); continue;
        default:
          break;
      }
      if (c < ' ') {
        b.append("\\u00").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      } else if (c < 0x80 || GoFmt.isPrint(c)) {
        b.appendCodePoint(c);
      } else {
        b.append(String.format("\\u%04X", c));
      }
    }
    return b.toString();
  }

  /** Go's url.QueryEscape. */
  static String urlquery(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bytes.length + 8);
    for (byte x : bytes) {
      int c = x & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 0xF));
      }
    }
    return b.toString();
  }
}
