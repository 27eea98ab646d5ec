package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.template.TemplateFunction;
import java.util.Map;

/** The functions a load's templates see, by scope. */
final class TemplateFunctions {

  private TemplateFunctions() {}

  /** The engine of one load: Go's builtins for now; the Sprig, Gomplate and atmos libraries join it. */
  static TemplateEngine engine(AtmosConfig config, Map<String, String> environment) {
    Map<String, TemplateFunction> none = Map.of();
    return new TemplateEngine(none, none);
  }
}
