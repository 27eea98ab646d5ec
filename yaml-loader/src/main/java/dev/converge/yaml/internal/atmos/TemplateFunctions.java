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
    return new TemplateEngine(CoreLibrary.functions(now, environment, true, true),
        CoreLibrary.functions(now, environment, settings.sprig(), settings.gomplate()), settings.leftDelimiter(),
        settings.rightDelimiter());
  }
}
