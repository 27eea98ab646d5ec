package dev.converge.yaml.internal.atmos;

import java.util.List;
import java.util.Map;

/** Where Go templates are: the checks the loader makes before it renders anything ({@link TemplateEngine}). */
public final class Templates {

  private Templates() {}

  public static boolean hasTemplate(String text) {
    return text.contains("{{");
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
}
