package dev.converge.yaml.internal.atmos;

/** Where Go templates are: the checks the loader makes before it renders anything ({@link TemplateEngine}). */
public final class Templates {

  private Templates() {}

  public static boolean hasTemplate(String text) {
    return text.contains("{{");
  }

  /** Whether a string inside {@code value} (maps and lists searched) holds a template. */
  public static boolean anyTemplate(Object value) {
    return Values.anyString(value, Templates::hasTemplate);
  }
}
