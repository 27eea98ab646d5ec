package dev.converge.yaml.internal.atmos;

import dev.converge.model.Revision;
import dev.converge.yaml.internal.template.library.CoreLibrary;
import java.time.Instant;
import java.util.Map;

/** The functions a load's templates see, by scope, as Atmos registers them. */
final class TemplateFunctions {

  private TemplateFunctions() {}

  /**
   * The engine of one load. Name templates, import paths and import-context files see Sprig,
   * Gomplate and {@code atmos.*} ({@code ProcessTmpl}); component sections see Sprig and Gomplate
   * only where {@code templates.settings} enables them ({@code ProcessTmplWithDatasources}).
   * {@code now} is the revision's committer time (the same load gives the same values every
   * time), or the epoch for files outside git.
   */
  static TemplateEngine engine(AtmosConfig config, Map<String, String> environment, Revision revision) {
    Instant now = revision.committedAt().orElse(Instant.EPOCH);
    AtmosConfig.TemplateSettings settings = config.templateSettings();
    // component templates see atmos.yaml's templates.settings.env over the load's environment, and a
    // component's own settings.templates.settings.env over both, as Atmos sets them while it renders
    java.util.function.Function<Map<String, String>, Map<String, dev.converge.yaml.internal.template.TemplateFunction>>
        component = extra -> {
          Map<String, String> env = new java.util.HashMap<>(environment);
          env.putAll(settings.env());
          env.putAll(extra);
          return CoreLibrary.functions(now, env, settings.sprig(), settings.gomplate());
        };
    return new TemplateEngine(CoreLibrary.functions(now, environment, true, true), component,
        settings.leftDelimiter(), settings.rightDelimiter());
  }
}
