package dev.converge.yaml.internal.rollout;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Durations;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Freeze;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.pipeline.StackWave;
import dev.converge.yaml.internal.atmos.Values;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.YamlFile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code rollout.yaml} (FORMATS.md) into a {@link Pipeline}. Every key is checked: an
 * unknown key is an error with the closest known key, a value of the wrong type names what was
 * expected, and all problems of the file are reported together.
 */
public final class RolloutReader {

  public static final String FILE = "rollout.yaml";

  static final Set<String> TOP = Set.of("rollout_window", "production", "tracks", "environments", "divergences");
  static final Set<String> ENVIRONMENT = Set.of("stacks", "after", "checks", "soak", "approvals", "max_parallel",
      "windows", "freezes", "waves");
  static final Set<String> FREEZE = Set.of("from", "to", "reason");
  static final Set<String> DIVERGENCE = Set.of("component", "environments", "reason", "owner", "converge_by", "criteria");

  private final YamlFile file;
  private final SourceLocation fallback;
  private final Problems problems;

  private RolloutReader(YamlFile file, SourceLocation fallback, Problems problems) {
    this.file = file;
    this.fallback = fallback;
    this.problems = problems;
  }

  /** The pipeline, or empty when the file has errors (they are in {@code problems}). */
  public static Optional<Pipeline> read(YamlFile file, Problems problems) {
    return new RolloutReader(file, file.location(), problems).read();
  }

  private SourceLocation at(List<String> path) {
    return file == null ? fallback : file.location(path);
  }

  private SourceLocation valueAt(List<String> path) {
    return file == null ? fallback : file.valueLocation(path);
  }

  private static List<String> path(List<String> parent, String... more) {
    List<String> result = new ArrayList<>(parent);
    result.addAll(List.of(more));
    return result;
  }

  private Optional<Pipeline> read() {
    int before = problems.size();
    if (file.value() == null) {
      return Optional.of(Pipeline.builder().build());
    }
    if (!(file.value() instanceof Map)) {
      problems.error("type-mismatch", "rollout.yaml must be a map, found " + Values.typeName(file.value()),
          file.valueLocation(List.of()), "start with `environments:`");
      return Optional.empty();
    }
    Map<String, Object> root = Values.map(file.value());
    unknownKeys(root, TOP, List.of(), "rollout.yaml");
    Pipeline.Builder pipeline = Pipeline.builder();
    if (root.containsKey("rollout_window")) {
      duration(root.get("rollout_window"), List.of("rollout_window")).ifPresent(pipeline::rolloutWindow);
    }
    pipeline.addAllProduction(strings(root, "production", List.of()));
    pipeline.addAllTracks(strings(root, "tracks", List.of()));
    Map<String, Object> environments = map(root, "environments", List.of());
    Set<String> names = new LinkedHashSet<>(environments.keySet());
    for (Map.Entry<String, Object> e : environments.entrySet()) {
      environment(e.getKey(), e.getValue(), names).ifPresent(pipeline::addEnvironment);
    }
    for (String prod : strings(root, "production", List.of())) {
      if (!names.contains(prod)) {
        problems.error("unknown-environment", "production names unknown environment `" + prod + "`"
            + DidYouMean.hint(prod, names), valueAt(List.of("production")), "known: " + names);
      }
    }
    Object divergences = root.get("divergences");
    if (divergences != null && !(divergences instanceof List)) {
      mismatch(List.of("divergences"), "a list of divergence declarations", divergences);
    } else if (divergences != null) {
      List<?> list = (List<?>) divergences;
      for (int i = 0; i < list.size(); i++) {
        divergence(list.get(i), path(List.of("divergences"), String.valueOf(i)), names, true)
            .ifPresent(pipeline::addDivergence);
      }
    }
    if (problems.size() != before && problems.hasErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(pipeline.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.error("pipeline-invalid", e.getMessage(), at(List.of("environments")), null);
      return Optional.empty();
    }
  }

  private Optional<Environment> environment(String name, Object value, Set<String> names) {
    List<String> at = List.of("environments", name);
    if (!(value instanceof Map)) {
      mismatch(at, "a map with `stacks`, `after`, `soak`, ...", value);
      return Optional.empty();
    }
    Map<String, Object> env = Values.map(value);
    unknownKeys(env, ENVIRONMENT, at, "environment " + name);
    Environment.Builder b = Environment.builder().name(name).location(at(at));
    List<String> stacks = strings(env, "stacks", at);
    if (stacks.isEmpty()) {
      problems.error("environment-without-stacks", "environment `" + name + "` names no stacks", at(at),
          "add `stacks: [\"" + name + "/*\"]`");
    }
    for (String glob : stacks) {
      if (glob.isBlank()) {
        problems.error("type-mismatch", "a stack glob must not be blank", valueAt(path(at, "stacks")), null);
      } else {
        b.addStack(StackGlob.of(glob));
      }
    }
    for (String up : strings(env, "after", at)) {
      if (!names.contains(up)) {
        problems.error("unknown-environment", "environment `" + name + "` comes after unknown environment `" + up + "`"
            + DidYouMean.hint(up, names), valueAt(path(at, "after")), "known: " + names);
      } else if (up.equals(name)) {
        problems.error("pipeline-invalid", "environment `" + name + "` cannot come after itself",
            valueAt(path(at, "after")), null);
      } else {
        b.addAfter(up);
      }
    }
    b.addAllChecks(strings(env, "checks", at));
    if (env.containsKey("soak")) {
      duration(env.get("soak"), path(at, "soak")).ifPresent(b::soak);
    }
    integer(env, "approvals", at, 0).ifPresent(b::approvals);
    integer(env, "max_parallel", at, 1).ifPresent(b::maxParallel);
    for (String window : strings(env, "windows", at)) {
      try {
        b.addWindow(DeploymentWindow.parse(window));
      } catch (IllegalArgumentException e) {
        problems.error("window-invalid", e.getMessage(), valueAt(path(at, "windows")),
            "write a window like \"Mon-Thu 09:00-16:00 UTC\"");
      }
    }
    Object freezes = env.get("freezes");
    if (freezes != null && !(freezes instanceof List)) {
      mismatch(path(at, "freezes"), "a list of {from, to, reason}", freezes);
    } else if (freezes != null) {
      List<?> list = (List<?>) freezes;
      for (int i = 0; i < list.size(); i++) {
        freeze(list.get(i), path(at, "freezes", String.valueOf(i))).ifPresent(b::addFreeze);
      }
    }
    Object waves = env.get("waves");
    if (waves != null && !(waves instanceof List)) {
      mismatch(path(at, "waves"), "a list of lists of stack globs", waves);
    } else if (waves != null) {
      List<?> list = (List<?>) waves;
      for (int i = 0; i < list.size(); i++) {
        Object wave = list.get(i);
        List<String> globs = Values.strings(wave);
        if (!(wave instanceof List) && !(wave instanceof String) || globs.isEmpty()) {
          mismatch(path(at, "waves", String.valueOf(i)), "a non-empty list of stack globs", wave);
          continue;
        }
        b.addWave(StackWave.of(globs.toArray(String[]::new)));
      }
    }
    try {
      return Optional.of(b.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.error("pipeline-invalid", e.getMessage(), at(at), null);
      return Optional.empty();
    }
  }

  private Optional<Freeze> freeze(Object value, List<String> at) {
    if (!(value instanceof Map)) {
      mismatch(at, "a map {from, to, reason}", value);
      return Optional.empty();
    }
    Map<String, Object> m = Values.map(value);
    unknownKeys(m, FREEZE, at, "freeze");
    Optional<Instant> from = instant(m, "from", at);
    Optional<Instant> to = instant(m, "to", at);
    Optional<String> reason = requiredString(m, "reason", at);
    if (from.isEmpty() || to.isEmpty() || reason.isEmpty()) {
      return Optional.empty();
    }
    if (!to.get().isAfter(from.get())) {
      problems.error("freeze-invalid", "freeze `to` (" + to.get() + ") must be after `from` (" + from.get() + ")",
          valueAt(path(at, "to")), null);
      return Optional.empty();
    }
    return Optional.of(Freeze.of(from.get(), to.get(), reason.get()));
  }

  /**
   * A divergence declaration, from {@code rollout.yaml} ({@code central}) or from an instance's
   * {@code settings.divergence} (then {@code component} and {@code environments} do not apply).
   */
  public static Optional<DivergenceDeclaration> divergence(Object value, SourceLocation where, Problems problems) {
    return new RolloutReader(null, where, problems).divergence(value, List.of("settings", "divergence"), Set.of(), false);
  }

  private Optional<DivergenceDeclaration> divergence(Object value, List<String> at, Set<String> environments,
      boolean central) {
    if (!(value instanceof Map)) {
      mismatch(at, "a map {reason, owner, converge_by, criteria}", value);
      return Optional.empty();
    }
    Map<String, Object> m = Values.map(value);
    Set<String> known = central ? DIVERGENCE : Set.of("reason", "owner", "converge_by", "criteria");
    unknownKeys(m, known, at, "divergence");
    DivergenceDeclaration.Builder b = DivergenceDeclaration.builder().location(at(at));
    Optional<String> reason = requiredString(m, "reason", at);
    if (central) {
      Optional<String> component = requiredString(m, "component", at);
      component.ifPresent(b::component);
      for (String env : strings(m, "environments", at)) {
        if (!environments.isEmpty() && !environments.contains(env)) {
          problems.error("unknown-environment", "divergence names unknown environment `" + env + "`"
              + DidYouMean.hint(env, environments), valueAt(path(at, "environments")), "known: " + environments);
        }
        b.addEnvironment(env);
      }
    }
    optionalString(m, "owner", at).ifPresent(b::owner);
    optionalString(m, "criteria", at).ifPresent(b::criteria);
    Object by = m.get("converge_by");
    if (by != null) {
      try {
        b.convergeBy(LocalDate.parse(String.valueOf(by)));
      } catch (DateTimeParseException e) {
        problems.error("type-mismatch", "converge_by must be a date such as 2027-01-15, found `" + by + "`",
            valueAt(path(at, "converge_by")), null);
      }
    }
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    b.reason(reason.get());
    return Optional.of(b.build());
  }

  private void unknownKeys(Map<String, Object> map, Set<String> known, List<String> at, String where) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        problems.error("unknown-key", "unknown key `" + key + "` in " + where + DidYouMean.hint(key, known),
            at(path(at, key)), "known keys: " + String.join(", ", new java.util.TreeSet<>(known)));
      }
    }
  }

  private void mismatch(List<String> at, String expected, Object found) {
    problems.error("type-mismatch", "`" + String.join(".", at) + "` must be " + expected + ", found "
        + Values.typeName(found), valueAt(at), null);
  }

  private Map<String, Object> map(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v != null && !(v instanceof Map)) {
      mismatch(path(at, key), "a map", v);
    }
    return Values.map(v);
  }

  private List<String> strings(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list) || list.stream().anyMatch(i -> i instanceof Map || i instanceof List || i == null)) {
      mismatch(path(at, key), "a list of strings", v);
      return List.of();
    }
    return Values.strings(v);
  }

  private Optional<java.time.Duration> duration(Object value, List<String> at) {
    if (value == null || value instanceof Map || value instanceof List) {
      mismatch(at, "a duration such as 30m, 2h, 7d or PT2H", value);
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.parse(String.valueOf(value)));
    } catch (IllegalArgumentException e) {
      problems.error("type-mismatch", e.getMessage(), valueAt(at), "write 30s, 45m, 2h, 7d or PT2H");
      return Optional.empty();
    }
  }

  private Optional<Integer> integer(Map<String, Object> parent, String key, List<String> at, int min) {
    Object v = parent.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Long n) || n < min || n > Integer.MAX_VALUE) {
      mismatch(path(at, key), "a whole number of at least " + min, v);
      return Optional.empty();
    }
    return Optional.of(n.intValue());
  }

  private Optional<Instant> instant(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      problems.error("missing-key", "missing `" + key + "`", at(at), "add `" + key + ": 2026-12-20T00:00:00Z`");
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(String.valueOf(v)).toInstant());
    } catch (DateTimeParseException e) {
      problems.error("type-mismatch", "`" + key + "` must be an ISO-8601 time with offset such as "
          + "2026-12-20T00:00:00Z, found `" + v + "`", valueAt(path(at, key)), null);
      return Optional.empty();
    }
  }

  private Optional<String> requiredString(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      problems.error("missing-key", "missing `" + key + "`", at(at), "add `" + key + ":`");
      return Optional.empty();
    }
    return optionalString(parent, key, at);
  }

  private Optional<String> optionalString(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map || v instanceof List) {
      mismatch(path(at, key), "a string", v);
      return Optional.empty();
    }
    return Optional.of(String.valueOf(v));
  }
}
