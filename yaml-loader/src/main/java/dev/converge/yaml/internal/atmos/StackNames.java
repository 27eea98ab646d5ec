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

  /**
   * Names from one name_pattern, parsed once, remembering the last name given: the components of a
   * stack read the same var objects (the stack's merged vars), so most get the name of the one
   * before them without building it again. For one thread.
   */
  public static final class Patterns {
    private final String pattern;
    /** The tokens kept, in the pattern's order. */
    private final String[] tokens;
    private final Object[] lastValues;
    private String lastFile;
    private Name last;

    public Patterns(String pattern) {
      this.pattern = pattern;
      List<String> kept = new ArrayList<>();
      for (String part : pattern.split("-")) {
        String token = part.startsWith("{") && part.endsWith("}") ? part.substring(1, part.length() - 1) : null;
        if (token != null && TOKENS.contains(token)) {
          kept.add(token);
        }
      }
      this.tokens = kept.toArray(String[]::new);
      this.lastValues = new Object[tokens.length];
    }

    /** The name from {@code vars}, or null when the pattern keeps no token. */
    Name name(String fileName, Map<String, Object> vars) {
      if (tokens.length == 0) {
        return null;
      }
      boolean same = last != null && lastFile == fileName;
      for (int i = 0; i < tokens.length; i++) {
        Object value = vars.get(tokens[i]);
        same &= value == lastValues[i];
        lastValues[i] = value;
      }
      if (!same) {
        lastFile = fileName;
        last = build(fileName);
      }
      return last;
    }

    private Name build(String fileName) {
      StringBuilder name = new StringBuilder();
      for (int i = 0; i < tokens.length; i++) {
        if (!(lastValues[i] instanceof String s) || s.isEmpty()) {
          return new Name(fileName, Source.FILE, Optional.of("name_pattern `" + pattern + "` needs vars." + tokens[i]
              + " as a string"), Optional.empty());
        }
        name.append(i == 0 ? "" : "-").append(s);
      }
      return new Name(name.toString(), Source.PATTERN, Optional.empty(), Optional.empty());
    }
  }

  /**
   * Whether {@link #resolve} names by {@code config}'s name_template, which reads the component's
   * whole section (a name_pattern reads its vars alone): there is one, and no explicit name.
   */
  public static boolean byTemplate(AtmosConfig config, Optional<String> explicit) {
    return !isExplicit(explicit) && config.nameTemplate().isPresent();
  }

  private static boolean isExplicit(Optional<String> explicit) {
    return explicit.isPresent() && !explicit.get().isBlank();
  }

  /**
   * The name of a component of manifest {@code fileName} whose section (as merged, before templates)
   * is {@code section}; {@code patterns} is {@code config}'s name_pattern, parsed (null when it has
   * none).
   */
  public static Name resolve(AtmosConfig config, TemplateEngine engine, Optional<String> explicit, String fileName,
      Map<String, Object> section, Patterns patterns) {
    if (isExplicit(explicit)) {
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
    if (patterns != null) {
      Name named = patterns.name(fileName, Values.map(section, "vars"));
      if (named != null) {
        return named;
      }
    }
    return new Name(fileName, Source.FILE, Optional.empty(), Optional.empty());
  }
}
