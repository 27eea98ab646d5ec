package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lenient readers over plain YAML values: a wrong type reads as absent (structure checks report it). */
public final class Values {

  private Values() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  public static Map<String, Object> map(Map<String, Object> parent, String key) {
    return parent == null ? Map.of() : map(parent.get(key));
  }

  public static Map<String, Object> path(Map<String, Object> root, String... keys) {
    Map<String, Object> current = root;
    for (String key : keys) {
      current = map(current, key);
    }
    return current;
  }

  public static Optional<Object> at(Map<String, Object> root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
        return Optional.empty();
      }
      current = m.get(key);
    }
    return Optional.ofNullable(current);
  }

  public static Optional<String> string(Map<String, Object> parent, String key) {
    Object v = parent == null ? null : parent.get(key);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** A scalar as text ({@code 2} as {@code "2"}); empty for maps, lists and null. */
  public static Optional<String> text(Object v) {
    if (v == null || v instanceof Map || v instanceof List) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(v));
  }

  public static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item != null && !(item instanceof Map) && !(item instanceof List)) {
          result.add(String.valueOf(item));
        }
      }
    } else if (value instanceof String s) {
      result.add(s);
    }
    return result;
  }

  public static boolean bool(Object value, boolean fallback) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    return fallback;
  }

  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "a map";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  /** Whether a string inside {@code value} (maps and lists searched) satisfies {@code test}. */
  public static boolean anyString(Object value, java.util.function.Predicate<String> test) {
    if (value instanceof String text) {
      return test.test(text);
    }
    if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        if (anyString(v, test)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        if (anyString(v, test)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code value} with every leaf (a value that is neither a map nor a list) replaced by what
   * {@code leaf} gives for it; a leaf for which it gives {@code removed} is taken out of its map or
   * list. Maps and lists are copied only along the paths that change (a {@link
   * dev.converge.yaml.internal.value.AppendList} stays one), so a value in which nothing changes is
   * returned as it is: parsed values are shared and never modified.
   */
  public static Object rewrite(Object value, java.util.function.UnaryOperator<Object> leaf, Object removed) {
    if (value instanceof Map<?, ?> map) {
      dev.converge.yaml.internal.value.CompactMap copy = null;
      int index = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object rewritten = rewrite(e.getValue(), leaf, removed);
        if (rewritten != e.getValue() && copy == null) {
          copy = new dev.converge.yaml.internal.value.CompactMap();
          int i = 0;
          for (Map.Entry<?, ?> f : map.entrySet()) {
            if (i++ == index) {
              break;
            }
            copy.put((String) f.getKey(), f.getValue());
          }
        }
        if (copy != null && rewritten != removed) {
          copy.put((String) e.getKey(), rewritten);
        }
        index++;
      }
      return copy == null ? map : copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = null;
      for (int i = 0; i < list.size(); i++) {
        Object rewritten = rewrite(list.get(i), leaf, removed);
        if (rewritten != list.get(i) && copy == null) {
          copy = list instanceof dev.converge.yaml.internal.value.AppendList
              ? new dev.converge.yaml.internal.value.AppendList(list.subList(0, i)) : new ArrayList<>(list.subList(0, i));
        }
        if (copy != null && rewritten != removed) {
          copy.add(rewritten);
        }
      }
      return copy == null ? list : copy;
    }
    return leaf.apply(value);
  }
}
