package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logical stack names, per component, as Atmos's {@code resolveStackName}: the manifest's
 * {@code name:}, else {@code stacks.name_template} rendered over the component's sections, else
 * {@code stacks.name_pattern}, else the manifest's file name. A pattern keeps only the tokens
 * {@code {namespace}}, {@code {tenant}}, {@code {environment}}, {@code {stage}} (others are ignored,
 * as Atmos ignores them) and falls back to the file name when a var is missing.
 */
public final class StackNames {

  private static final List<String> TOKENS = List.of("namespace", "tenant", "environment", "stage");

  private StackNames() {}

  /** The name, and how it was found. */
  public record Name(String value, Source source, Optional<String> fallbackReason) {
    /** The workspace prefix: the name, with {@code /} as {@code -} when it is the file name. */
    public String contextPrefix() {
      return source == Source.FILE ? value.replace('/', '-') : value;
    }
  }

  public enum Source { MANIFEST, TEMPLATE, PATTERN, FILE }

  public static Name resolve(AtmosConfig config, Optional<String> explicit, String fileName, Map<String, Object> section) {
    if (explicit.isPresent() && !explicit.get().isBlank()) {
      return new Name(explicit.get(), Source.MANIFEST, Optional.empty());
    }
    if (config.nameTemplate().isPresent()) {
      Templates.Rendered r = Templates.render(config.nameTemplate().get(), section);
      if (r.complete()) {
        return new Name(r.text(), Source.TEMPLATE, Optional.empty());
      }
      return new Name(fileName, Source.FILE, Optional.of("name_template `" + config.nameTemplate().get()
          + "` needs " + String.join(", ", r.missing().isEmpty() ? r.unsupported() : r.missing())));
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
              + "` needs vars." + token + " as a string"));
        }
        parts.add(s);
      }
      if (!parts.isEmpty()) {
        return new Name(String.join("-", parts), Source.PATTERN, Optional.empty());
      }
    }
    return new Name(fileName, Source.FILE, Optional.empty());
  }
}
