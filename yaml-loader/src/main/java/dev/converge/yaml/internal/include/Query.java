package dev.converge.yaml.internal.include;

import java.util.List;
import java.util.Map;

/**
 * The selecting part of yq's language, which {@code !include} and {@code !terraform.*} take as
 * their last argument: {@code .} (the whole value), {@code .a.b}, {@code .a[0]}, {@code .["a b"]},
 * {@code .a | .b}. Anything else (functions, filters, arithmetic) is refused with what to write.
 */
final class Query {

  private Query() {}

  /** The value {@code query} selects in {@code value}; {@code null} for a key that is not there, as yq prints it. */
  static Object select(Object value, String query) {
    Object current = value;
    for (String stage : query.split("\\|")) {
      current = path(current, stage.strip(), query);
    }
    return current;
  }

  private static Object path(Object value, String stage, String query) {
    if (!stage.startsWith(".")) {
      throw unsupported(query);
    }
    Object current = value;
    int i = 1;
    while (i < stage.length()) {
      char c = stage.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      if (c == '[') {
        int end = stage.indexOf(']', i);
        if (end < 0) {
          throw unsupported(query);
        }
        String inside = stage.substring(i + 1, end).strip();
        if (inside.startsWith("\"") && inside.endsWith("\"") && inside.length() >= 2) {
          current = key(current, inside.substring(1, inside.length() - 1));
        } else {
          int index;
          try {
            index = Integer.parseInt(inside);
          } catch (NumberFormatException e) {
            throw unsupported(query);
          }
          current = index(current, index, query);
        }
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < stage.length() && (Character.isLetterOrDigit(stage.charAt(end)) || stage.charAt(end) == '_'
          || stage.charAt(end) == '-')) {
        end++;
      }
      if (end == i) {
        throw unsupported(query);
      }
      current = key(current, stage.substring(i, end));
      i = end;
    }
    return current;
  }

  private static Object key(Object value, String key) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the query looks up `" + key + "` in a value that is not a map");
    }
    return map.get(key);
  }

  private static Object index(Object value, int index, String query) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("the query `" + query + "` indexes a value that is not a list");
    }
    int at = index < 0 ? list.size() + index : index;
    return at >= 0 && at < list.size() ? list.get(at) : null;
  }

  private static IllegalArgumentException unsupported(String query) {
    return new IllegalArgumentException("query `" + query + "` is beyond what Converge evaluates (paths such as "
        + ".vars.cidr, .subnets[0] or .[\"a key\"])");
  }
}
