package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;

/**
 * Logical stack names, per component, as Atmos's {@code resolveStackName}: the manifest's
 * {@code name:}, else {@code stacks.name_template} rendered over the component section (an error
 * when it cannot be rendered: Atmos renders it with {@code missingkey=error}), else
 * {@code stacks.name_pattern}, else the manifest's file name. A pattern keeps only the tokens
 * {@code {namespace}}, {@code {tenant}}, {@code {environment}}, {@code {stage}} (others are ignored,
 * as Atmos ignores them) and falls back to the file name when a var is missing.
 */
public final class StackNames {

  private static final List<String> TOKENS = List.of("namespace", "tenant", "environment", "stage");

  private StackNames() {}

  /** The name, and how it was found. */
  public record Name(String value, Source source, Optional<String> fallbackReason, Optional<String> error) {
    /** The workspace prefix: the name, with {@code /} as {@code -} when it is the file name. */
    public String contextPrefix() {
      return source == Source.FILE ? value.replace('/', '-') : value;
    }
  }

  public enum Source { MANIFEST, TEMPLATE, PATTERN, FILE }

  public static Name resolve(AtmosConfig config, TemplateEngine engine, Optional<String> explicit, String fileName,
      Map<String, Object> section) {
    if (explicit.isPresent() && !explicit.get().isBlank()) {
      return new Name(explicit.get(), Source.MANIFEST, Optional.empty(), Optional.empty());
    }
    if (config.nameTemplate().isPresent()) {
      try {
        String name = TemplateEngine.render(engine.all, "describe-stacks-name-template", config.nameTemplate().get(),
            section, MissingKey.ERROR);
        return new Name(name, Source.TEMPLATE, Optional.empty(), Optional.empty());
      } catch (TemplateException e) {
        String reason = "name_template `" + config.nameTemplate().get() + "` cannot be rendered: " + e.getMessage();
        // a value the component lacks may mean the file is not a stack at all (a catalog file the
        // included paths take in): the caller decides; anything else is an error
        return e.getMessage().contains("map has no entry for key")
            ? new Name(fileName, Source.FILE, Optional.of(reason), Optional.empty())
            : new Name(fileName, Source.FILE, Optional.empty(), Optional.of(reason));
      }
    }
    if (config.namePattern().isPresent()) {
      Map<String, Object> vars = Values.map(section, "vars");
      List<String> parts = new ArrayList<>();
      for (String part : config.namePattern().get().split("-")) {
        String token = part.startsWith("{") && part.endsWith("}") ? part.substring(1, part.length() - 1) : null;
        if (token == null || !TOKENS.contains(token)) {
          continue;
        }
        Object value = vars.get(token);
        if (!(value instanceof String s) || s.isEmpty()) {
          return new Name(fileName, Source.FILE, Optional.of("name_pattern `" + config.namePattern().get()
              + "` needs vars." + token + " as a string"), Optional.empty());
        }
        parts.add(s);
      }
      if (!parts.isEmpty()) {
        return new Name(String.join("-", parts), Source.PATTERN, Optional.empty(), Optional.empty());
      }
    }
    return new Name(fileName, Source.FILE, Optional.empty(), Optional.empty());
  }
}
