package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Go templates that Converge supports: plain value lookups such as
 * {@code {{ .vars.stage }}} or {@code {{.settings.context.catalog_ref}}}. Anything else (functions,
 * pipelines, conditionals, Sprig or Gomplate) is out of scope and reported as unsupported, never
 * guessed at.
 */
public final class Templates {

  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}", Pattern.DOTALL);
  private static final Pattern LOOKUP = Pattern.compile("\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");

  private Templates() {}

  /** The outcome of rendering: the text, and which lookups had no value or were not lookups. */
  public record Rendered(String text, List<String> missing, List<String> unsupported) {
    public boolean complete() {
      return missing.isEmpty() && unsupported.isEmpty();
    }
  }

  public static boolean hasTemplate(String text) {
    return text.contains("{{");
  }

  /**
   * Replaces each lookup with its value from {@code data}. A missing value is left as written and
   * listed in {@link Rendered#missing()}; an action that is not a plain lookup is left as written
   * and listed in {@link Rendered#unsupported()}.
   */
  public static Rendered render(String text, Map<String, Object> data) {
    if (!hasTemplate(text)) {
      return new Rendered(text, List.of(), List.of());
    }
    if (PARSED.size() > 10_000) {
      PARSED.clear();
    }
    List<Segment> segments = text.length() <= 512 ? PARSED.computeIfAbsent(text, Templates::parse) : parse(text);
    StringBuilder out = new StringBuilder();
    List<String> missing = new ArrayList<>(0);
    List<String> unsupported = new ArrayList<>(0);
    for (Segment segment : segments) {
      if (segment.keys() == null && segment.action() == null) {
        out.append(segment.text());
      } else if (segment.keys() == null) {
        unsupported.add(segment.action());
        out.append(segment.text());
      } else {
        Optional<Object> value = lookup(data, segment.keys());
        if (value.isPresent() && !(value.get() instanceof Map) && !(value.get() instanceof List)) {
          out.append(value.get());
        } else {
          missing.add(segment.action());
          out.append(segment.text());
        }
      }
    }
    return new Rendered(out.toString(), List.copyOf(missing), List.copyOf(unsupported));
  }

  /** A literal ({@code keys} and {@code action} null), a lookup ({@code keys}), or an unsupported action. */
  private record Segment(String text, String action, String[] keys) {}

  private static final Map<String, List<Segment>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

  private static List<Segment> parse(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher m = ACTION.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        segments.add(new Segment(text.substring(last, m.start()), null, null));
      }
      String action = m.group(1);
      segments.add(new Segment(m.group(), action,
          LOOKUP.matcher(action).matches() ? action.substring(1).split("\\.") : null));
      last = m.end();
    }
    if (last < text.length()) {
      segments.add(new Segment(text.substring(last), null, null));
    }
    return List.copyOf(segments);
  }

  /**
   * {@code value} with every string that holds a template rendered over {@code data}; maps and
   * lists are copied only along the paths that change, so a value without templates is returned as
   * is. Strings that cannot be rendered completely are kept as written and added to {@code left}.
   */
  public static Object renderValues(Object value, java.util.function.Supplier<Map<String, Object>> data,
      List<String> left) {
    if (value instanceof String text) {
      if (!hasTemplate(text)) {
        return text;
      }
      Rendered r = render(text, data.get());
      if (r.complete()) {
        return r.text();
      }
      left.add(text);
      return text;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = null;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        Object rendered = renderValues(e.getValue(), data, left);
        if (rendered != e.getValue()) {
          if (copy == null) {
            copy = new java.util.LinkedHashMap<>();
            for (Map.Entry<?, ?> f : map.entrySet()) {
              copy.put((String) f.getKey(), f.getValue());
            }
          }
          copy.put((String) e.getKey(), rendered);
        }
      }
      return copy == null ? map : copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = null;
      for (int i = 0; i < list.size(); i++) {
        Object rendered = renderValues(list.get(i), data, left);
        if (rendered != list.get(i)) {
          if (copy == null) {
            copy = new ArrayList<>(list);
          }
          copy.set(i, rendered);
        }
      }
      return copy == null ? list : copy;
    }
    return value;
  }

  /** Whether a string inside {@code value} (maps and lists searched) holds a template. */
  public static boolean anyTemplate(Object value) {
    if (value instanceof String text) {
      return hasTemplate(text);
    }
    if (value instanceof Map<?, ?> map) {
      for (Object v : map.values()) {
        if (anyTemplate(v)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object v : list) {
        if (anyTemplate(v)) {
          return true;
        }
      }
    }
    return false;
  }

  static Optional<Object> lookup(Map<String, Object> data, String[] keys) {
    Object current = data;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Optional.empty();
      }
      current = map.get(key);
    }
    return Optional.ofNullable(current);
  }
}
