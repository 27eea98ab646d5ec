package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.yaml.YamlFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack file's own {@code locals}, as Atmos resolves them (file-scoped locals, Atmos 1.203 and
 * its fix for issue #1933): the root {@code locals:} and those of the {@code terraform:},
 * {@code helmfile:} and {@code packer:} sections, resolved once per file ({@link Locals}), visible as
 * {@code {{ .locals.name }}} to the templates of that file only, never to the files that import it
 * or that it imports, and never merged into anything.
 *
 * <p>Every string of the file that refers to {@code .locals} is rendered here, over the file's
 * locals (root, then each section's that has its own, later winning) and its own {@code vars},
 * {@code settings} and {@code env}. A local whose value (or a string in it) is a YAML function
 * ({@code !env NAME}, {@code !template ...}) is evaluated first, as Atmos's resolver does before its
 * templates, with no component {@code env} section (Atmos passes none); a function that needs the
 * outside world is a deferred value. A string that needs more than the file has (a component's own
 * {@code locals}, {@code .atmos_component}) is left for the component's rendering. The
 * {@code locals} keys are then removed; a component's own {@code locals} stay, inherited through
 * {@code metadata.inherits} like its vars and resolved with the component.
 */
final class FileLocals {

  private static final List<String> SECTIONS = List.of("terraform", "helmfile", "packer");

  private FileLocals() {}

  /**
   * A file with its locals applied: its content without them, and the locals as Atmos's
   * {@code describe locals} shows them ({@code locals:} the root ones, {@code terraform: {locals:}}
   * each section's own), resolved.
   */
  record Applied(Map<String, Object> raw, Map<String, Object> locals) {}

  /** {@code raw} with its locals applied and removed ({@code raw} itself when it has none), and the locals. */
  static Applied applyAndDescribe(Map<String, Object> raw, YamlFile file, TemplateEngine engine,
      YamlFunctions functions, Problems problems) {
    Map<String, Object> described = new LinkedHashMap<>();
    Map<String, Object> applied = apply(raw, file, engine, functions, problems, described);
    return new Applied(applied, described);
  }

  /** {@code raw} with its locals applied and removed; {@code raw} itself when it has none. */
  static Map<String, Object> apply(Map<String, Object> raw, YamlFile file, TemplateEngine engine,
      YamlFunctions functions, Problems problems) {
    return apply(raw, file, engine, functions, problems, new LinkedHashMap<>());
  }

  private static Map<String, Object> apply(Map<String, Object> raw, YamlFile file, TemplateEngine engine,
      YamlFunctions functions, Problems problems, Map<String, Object> described) {
    boolean any = raw.containsKey("locals");
    for (String section : SECTIONS) {
      any |= Values.map(raw, section).containsKey("locals");
    }
    if (!any) {
      return raw;
    }
    Map<String, Object> context = new LinkedHashMap<>();
    for (String key : List.of("vars", "settings", "env")) {
      context.put(key, Values.map(raw, key));
    }
    Locals.Renderer renderer = (name, value, data) -> TemplateEngine.renderValues(engine.all, file.path(), value, data,
        MissingKey.ERROR, (text, e) -> problems.error("locals", "local `" + name + "`: " + e.getMessage(),
            file.location(List.of("locals", name)), "define what the local refers to in this file; locals are "
                + "file-scoped and do not come from imported files"));
    Map<String, Object> merged;
    try {
      Map<String, Object> global = Locals.resolve(evaluated(Values.map(raw, "locals"), List.of("locals"), file,
          functions), Map.of(), context, renderer);
      merged = new LinkedHashMap<>(global);
      if (raw.containsKey("locals")) {
        described.put("locals", global);
      }
      for (String section : SECTIONS) {
        Map<String, Object> typed = Values.map(raw, section);
        if (typed.containsKey("locals")) {
          Map<String, Object> declared = evaluated(Values.map(typed, "locals"), List.of(section, "locals"), file,
              functions);
          Map<String, Object> resolved = Locals.resolve(declared, global, context, renderer);
          merged.putAll(resolved);
          Map<String, Object> own = new LinkedHashMap<>();
          declared.keySet().forEach(k -> own.put(k, resolved.get(k)));
          described.put(section, Map.of("locals", own));
        }
      }
    } catch (Locals.Cycle cycle) {
      problems.error("locals-cycle", cycle.getMessage() + " in " + file.path(), file.location(List.of("locals")),
          "break the cycle: a local may not refer, through others, to itself");
      return without(raw);
    }
    Map<String, Object> data = new LinkedHashMap<>(context);
    data.put("locals", merged);
    Map<String, Object> rendered = new CompactMap();
    without(raw).forEach((key, value) -> rendered.put(key, Locals.mentionsLocals(value)
        ? TemplateEngine.renderValues(engine.all, file.path(), value, data, MissingKey.ERROR, (text, e) -> { })
        : value));
    return rendered;
  }

  /** The locals of one scope with their YAML functions evaluated (a local that is {@code !unset} is dropped). */
  private static Map<String, Object> evaluated(Map<String, Object> declared, List<String> at, YamlFile file,
      YamlFunctions functions) {
    if (!Values.anyString(declared, text -> YamlFunctions.functionOf(text).isPresent())) {
      return declared;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    declared.forEach((name, value) -> {
      List<String> path = new java.util.ArrayList<>(at);
      path.add(name);
      Object v = functions.evaluate(value, Map.of(), file.location(path));
      if (v != YamlFunctions.UNSET) {
        result.put(name, v);
      }
    });
    return result;
  }

  /** {@code raw} without its file-scoped {@code locals} keys. */
  private static Map<String, Object> without(Map<String, Object> raw) {
    CompactMap copy = new CompactMap(raw);
    copy.remove("locals");
    for (String section : SECTIONS) {
      Map<String, Object> typed = Values.map(raw, section);
      if (typed.containsKey("locals")) {
        CompactMap t = new CompactMap(typed);
        t.remove("locals");
        copy.put(section, t);
      }
    }
    return copy;
  }
}
