package dev.converge.yaml.internal.template.library;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * YAML as Helm's {@code toYaml} prints it ({@code sigs.k8s.io/yaml} over {@code go-yaml}): block
 * style, two-space indent, map keys sorted, a list under a key not indented ({@code a:\n- 1}),
 * empty collections as {@code {}} and {@code []}, and a string quoted (double quotes, Go escapes)
 * only when plain text would read as something else: a boolean, null or number, a leading
 * indicator or blank, {@code ": "} or {@code " #"}, a line break.
 */
final class GoYaml {

  private static final Set<String> WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");

  private GoYaml() {}

  /** The YAML text of {@code value}, ending in a newline (Helm trims it). */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      map(out, m, 0);
    } else if (value instanceof List<?> l && !l.isEmpty()) {
      list(out, l, 0);
    } else {
      out.append(scalar(value)).append('\n');
    }
    return out.toString();
  }

  private static void map(StringBuilder out, Map<?, ?> map, int indent) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted.entrySet()) {
      if (!first || out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append(string(e.getKey())).append(':');
      value(out, e.getValue(), indent, true);
    }
  }

  private static void list(StringBuilder out, List<?> list, int indent) {
    boolean first = true;
    for (Object item : list) {
      if (!first || out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
        out.append(" ".repeat(indent));
      }
      first = false;
      out.append('-');
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        out.append(' ');
        map(out, m, indent + 2);
      } else if (item instanceof List<?> l && !l.isEmpty()) {
        out.append(' ');
        list(out, l, indent + 2);
      } else {
        out.append(' ').append(scalar(item)).append('\n');
      }
    }
  }

  /** After {@code key:}: a scalar on the same line, a collection on the next lines. */
  private static void value(StringBuilder out, Object v, int indent, boolean inMap) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      map(out, m, indent + 2);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      out.append('\n');
      list(out, l, inMap ? indent : indent + 2);
    } else {
      out.append(' ').append(scalar(v)).append('\n');
    }
  }

  private static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "{}";
    }
    if (v instanceof List<?>) {
      return "[]";
    }
    if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return String.valueOf(v);
    }
    if (v instanceof Double d) {
      return GoJson.number(d);
    }
    if (v instanceof GoTime t) {
      return string(t.format(GoTime.RFC3339_NANO));
    }
    return string(v instanceof String s ? s : String.valueOf(v));
  }

  private static String string(String s) {
    return plain(s) ? s : quoted(s);
  }

  private static boolean plain(String s) {
    if (s.isEmpty() || WORDS.contains(s.toLowerCase(Locale.ROOT)) || NUMBER.matcher(s).matches()) {
      return false;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@` \t".indexOf(first) >= 0 && !(first == '-' && s.length() > 1 && s.charAt(1) != ' '
        && s.charAt(1) != '-')) {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last == ' ' || last == '\t' || last == ':') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return !s.contains(": ") && !s.contains(" #");
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
