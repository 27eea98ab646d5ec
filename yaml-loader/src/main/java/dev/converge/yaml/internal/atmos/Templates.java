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
    Matcher m = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    List<String> missing = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    while (m.find()) {
      String action = m.group(1);
      String replacement = m.group();
      if (LOOKUP.matcher(action).matches()) {
        Optional<Object> value = lookup(data, action.substring(1).split("\\."));
        if (value.isPresent() && !(value.get() instanceof Map) && !(value.get() instanceof List)) {
          replacement = String.valueOf(value.get());
        } else {
          missing.add(action);
        }
      } else {
        unsupported.add(action);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return new Rendered(out.toString(), List.copyOf(missing), List.copyOf(unsupported));
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
