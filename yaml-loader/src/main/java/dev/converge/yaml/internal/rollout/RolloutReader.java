package dev.converge.yaml.internal.rollout;

import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Durations;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Freeze;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.pipeline.StackWave;
import dev.converge.yaml.internal.atmos.Values;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.YamlFile;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
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
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads {@code rollout.yaml} (FORMATS.md) into a {@link Pipeline}. Every key is checked: an
 * unknown key is an error with the closest known key, a value of the wrong type names what was
 * expected, and all problems of the file are reported together.
 *
 * <p>The checks are independent of one another and collected with vavr's {@link Validation}: each
 * key gives either what it adds to the value being built (a step on its builder) or the problems
 * found in it, and a value is built only when every one of its keys is valid. Checks that depend on
 * an earlier one (a freeze's {@code to} after its {@code from}) are chained with {@code flatMap}.
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

  private RolloutReader(YamlFile file, SourceLocation fallback) {
    this.file = file;
    this.fallback = fallback;
  }

  /** The pipeline, or empty when the file has errors (they are added to {@code problems}). */
  public static Optional<Pipeline> read(YamlFile file, Problems problems) {
    return report(new RolloutReader(file, file.location()).pipeline(), problems);
  }

  /**
   * A divergence declaration from an instance's {@code settings.divergence} ({@code component} and
   * {@code environments} do not apply there), or empty when it has errors (added to {@code problems}).
   */
  public static Optional<DivergenceDeclaration> divergence(Object value, SourceLocation where, Problems problems) {
    return report(new RolloutReader(null, where).divergence(value, List.of("settings", "divergence"), Set.of(), false),
        problems);
  }

  /** The valid value, or empty with its problems handed to the load's collection. */
  private static <T> Optional<T> report(Validation<Seq<Problem>, T> checked, Problems problems) {
    if (checked.isInvalid()) {
      checked.getError().forEach(problems::add);
      return Optional.empty();
    }
    return Optional.of(checked.get());
  }

  // ------------------------------------------------------------------ building from checked parts

  private static <T> Validation<Seq<Problem>, T> valid(T value) {
    return Validation.valid(value);
  }

  private static <T> Validation<Seq<Problem>, T> error(String rule, String message, SourceLocation location, String fix) {
    Problem.Builder b = Problem.builder().rule(rule).severity(Severity.ERROR).message(message);
    if (location != null) {
      b.location(location);
    }
    if (fix != null) {
      b.fix(fix);
    }
    return Validation.invalid(io.vavr.collection.List.of(b.build()));
  }

  /**
   * The value its parts build, when all are valid; else every problem of every part, in order. A
   * builder that refuses the whole ({@code build()} throws) is a {@code pipeline-invalid} error at
   * {@code where}.
   */
  private static <B, T> Validation<Seq<Problem>, T> build(Supplier<B> builder,
      List<Validation<Seq<Problem>, Consumer<B>>> parts, Function<B, T> build, SourceLocation where) {
    return Validation.<Problem, Consumer<B>>sequence(parts).flatMap(steps -> {
      B b = builder.get();
      steps.forEach(step -> step.accept(b));
      try {
        return valid(build.apply(b));
      } catch (IllegalArgumentException | IllegalStateException e) {
        return error("pipeline-invalid", e.getMessage(), where, null);
      }
    });
  }

  /** A part that adds nothing: a check that only finds problems. */
  private static <B> Consumer<B> nothingTo() {
    return b -> {};
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

  // ------------------------------------------------------------------ the file

  private Validation<Seq<Problem>, Pipeline> pipeline() {
    if (file.value() == null) {
      return valid(Pipeline.builder().build());
    }
    if (!(file.value() instanceof Map)) {
      return error("type-mismatch", "rollout.yaml must be a map, found " + Values.typeName(file.value()),
          file.valueLocation(List.of()), "start with `environments:`");
    }
    Map<String, Object> root = Values.map(file.value());
    List<Validation<Seq<Problem>, Consumer<Pipeline.Builder>>> parts = new ArrayList<>();
    parts.add(unknownKeys(root, TOP, List.of(), "rollout.yaml"));
    if (root.containsKey("rollout_window")) {
      parts.add(duration(root.get("rollout_window"), List.of("rollout_window")).map(d -> b -> b.rolloutWindow(d)));
    }
    Validation<Seq<Problem>, List<String>> production = strings(root, "production", List.of());
    parts.add(production.map(p -> b -> b.addAllProduction(p)));
    parts.add(strings(root, "tracks", List.of()).map(t -> b -> b.addAllTracks(t)));
    Validation<Seq<Problem>, Map<String, Object>> environments = map(root, "environments", List.of());
    parts.add(environments.map(e -> nothingTo()));
    Map<String, Object> declared = environments.getOrElse(Map.of());
    Set<String> names = new LinkedHashSet<>(declared.keySet());
    for (Map.Entry<String, Object> e : declared.entrySet()) {
      parts.add(environment(e.getKey(), e.getValue(), names).map(env -> b -> b.addEnvironment(env)));
    }
    for (String prod : production.getOrElse(List.of())) {
      if (!names.contains(prod)) {
        parts.add(error("unknown-environment", "production names unknown environment `" + prod + "`"
            + DidYouMean.hint(prod, names), valueAt(List.of("production")), "known: " + names));
      }
    }
    Object divergences = root.get("divergences");
    if (divergences != null && !(divergences instanceof List)) {
      parts.add(mismatch(List.of("divergences"), "a list of divergence declarations", divergences));
    } else if (divergences != null) {
      List<?> list = (List<?>) divergences;
      for (int i = 0; i < list.size(); i++) {
        parts.add(divergence(list.get(i), path(List.of("divergences"), String.valueOf(i)), names, true)
            .map(d -> b -> b.addDivergence(d)));
      }
    }
    return build(Pipeline::builder, parts, Pipeline.Builder::build, at(List.of("environments")));
  }

  private Validation<Seq<Problem>, Environment> environment(String name, Object value, Set<String> names) {
    List<String> at = List.of("environments", name);
    if (!(value instanceof Map)) {
      return mismatch(at, "a map with `stacks`, `after`, `soak`, ...", value);
    }
    Map<String, Object> env = Values.map(value);
    List<Validation<Seq<Problem>, Consumer<Environment.Builder>>> parts = new ArrayList<>();
    parts.add(unknownKeys(env, ENVIRONMENT, at, "environment " + name));
    Validation<Seq<Problem>, List<String>> stacks = strings(env, "stacks", at);
    parts.add(stacks.map(s -> nothingTo()));
    if (stacks.getOrElse(List.of()).isEmpty()) {
      parts.add(error("environment-without-stacks", "environment `" + name + "` names no stacks", at(at),
          "add `stacks: [\"" + name + "/*\"]`"));
    }
    for (String glob : stacks.getOrElse(List.of())) {
      parts.add(glob.isBlank()
          ? error("type-mismatch", "a stack glob must not be blank", valueAt(path(at, "stacks")), null)
          : valid(b -> b.addStack(StackGlob.of(glob))));
    }
    Validation<Seq<Problem>, List<String>> after = strings(env, "after", at);
    parts.add(after.map(a -> nothingTo()));
    for (String up : after.getOrElse(List.of())) {
      if (!names.contains(up)) {
        parts.add(error("unknown-environment", "environment `" + name + "` comes after unknown environment `" + up
            + "`" + DidYouMean.hint(up, names), valueAt(path(at, "after")), "known: " + names));
      } else if (up.equals(name)) {
        parts.add(error("pipeline-invalid", "environment `" + name + "` cannot come after itself",
            valueAt(path(at, "after")), null));
      } else {
        parts.add(valid(b -> b.addAfter(up)));
      }
    }
    parts.add(strings(env, "checks", at).map(c -> b -> b.addAllChecks(c)));
    if (env.containsKey("soak")) {
      parts.add(duration(env.get("soak"), path(at, "soak")).map(d -> b -> b.soak(d)));
    }
    parts.add(integer(env, "approvals", at, 0).map(n -> b -> n.ifPresent(b::approvals)));
    parts.add(integer(env, "max_parallel", at, 1).map(n -> b -> n.ifPresent(b::maxParallel)));
    Validation<Seq<Problem>, List<String>> windows = strings(env, "windows", at);
    parts.add(windows.map(w -> nothingTo()));
    for (String window : windows.getOrElse(List.of())) {
      parts.add(window(window, path(at, "windows")).map(w -> b -> b.addWindow(w)));
    }
    parts.addAll(listOf(env.get("freezes"), path(at, "freezes"), "a list of {from, to, reason}", this::freezePart));
    parts.addAll(listOf(env.get("waves"), path(at, "waves"), "a list of lists of stack globs",
        (item, itemAt) -> wave(item, itemAt).map(w -> b -> b.addWave(w))));
    return build(() -> Environment.builder().name(name).location(at(at)), parts, Environment.Builder::build, at(at));
  }

  /** Each item of the list at {@code at}, checked; a value that is not a list is one problem. */
  private <B> List<Validation<Seq<Problem>, Consumer<B>>> listOf(Object value, List<String> at, String expected,
      java.util.function.BiFunction<Object, List<String>, Validation<Seq<Problem>, Consumer<B>>> item) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      return List.of(mismatch(at, expected, value));
    }
    List<Validation<Seq<Problem>, Consumer<B>>> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      parts.add(item.apply(list.get(i), path(at, String.valueOf(i))));
    }
    return parts;
  }

  private Validation<Seq<Problem>, DeploymentWindow> window(String window, List<String> at) {
    try {
      return valid(DeploymentWindow.parse(window));
    } catch (IllegalArgumentException e) {
      return error("window-invalid", e.getMessage(), valueAt(at), "write a window like \"Mon-Thu 09:00-16:00 UTC\"");
    }
  }

  private Validation<Seq<Problem>, StackWave> wave(Object wave, List<String> at) {
    List<String> globs = Values.strings(wave);
    if (!(wave instanceof List) && !(wave instanceof String) || globs.isEmpty()) {
      return mismatch(at, "a non-empty list of stack globs", wave);
    }
    return valid(StackWave.of(globs.toArray(String[]::new)));
  }

  private Validation<Seq<Problem>, Consumer<Environment.Builder>> freezePart(Object value, List<String> at) {
    return freeze(value, at).map(f -> b -> b.addFreeze(f));
  }

  private Validation<Seq<Problem>, Freeze> freeze(Object value, List<String> at) {
    if (!(value instanceof Map)) {
      return mismatch(at, "a map {from, to, reason}", value);
    }
    Map<String, Object> m = Values.map(value);
    Validation<Seq<Problem>, Consumer<Object>> unknown = unknownKeys(m, FREEZE, at, "freeze");
    Validation<Seq<Problem>, Instant> from = instant(m, "from", at);
    Validation<Seq<Problem>, Instant> to = instant(m, "to", at);
    Validation<Seq<Problem>, String> reason = requiredString(m, "reason", at);
    // `to` after `from` is checked once both are valid
    Validation<Seq<Problem>, Freeze> freeze = Validation.<Problem, Object>sequence(List.of(from, to, reason))
        .flatMap(valid -> to.get().isAfter(from.get()) ? valid(Freeze.of(from.get(), to.get(), reason.get()))
            : error("freeze-invalid", "freeze `to` (" + to.get() + ") must be after `from` (" + from.get() + ")",
                valueAt(path(at, "to")), null));
    return Validation.<Problem, Object>sequence(List.of(unknown, freeze)).map(valid -> freeze.get());
  }

  private Validation<Seq<Problem>, DivergenceDeclaration> divergence(Object value, List<String> at,
      Set<String> environments, boolean central) {
    if (!(value instanceof Map)) {
      return mismatch(at, "a map {reason, owner, converge_by, criteria}", value);
    }
    Map<String, Object> m = Values.map(value);
    Set<String> known = central ? DIVERGENCE : Set.of("reason", "owner", "converge_by", "criteria");
    List<Validation<Seq<Problem>, Consumer<DivergenceDeclaration.Builder>>> parts = new ArrayList<>();
    parts.add(unknownKeys(m, known, at, "divergence"));
    parts.add(requiredString(m, "reason", at).map(r -> b -> b.reason(r)));
    if (central) {
      parts.add(requiredString(m, "component", at).map(c -> b -> b.component(c)));
      Validation<Seq<Problem>, List<String>> named = strings(m, "environments", at);
      parts.add(named.map(n -> nothingTo()));
      for (String env : named.getOrElse(List.of())) {
        parts.add(!environments.isEmpty() && !environments.contains(env)
            ? error("unknown-environment", "divergence names unknown environment `" + env + "`"
                + DidYouMean.hint(env, environments), valueAt(path(at, "environments")), "known: " + environments)
            : valid(b -> b.addEnvironment(env)));
      }
    }
    parts.add(optionalString(m, "owner", at).map(o -> b -> o.ifPresent(b::owner)));
    parts.add(optionalString(m, "criteria", at).map(c -> b -> c.ifPresent(b::criteria)));
    Object by = m.get("converge_by");
    if (by != null) {
      parts.add(date(by, path(at, "converge_by")).map(d -> b -> b.convergeBy(d)));
    }
    return build(() -> DivergenceDeclaration.builder().location(at(at)), parts, DivergenceDeclaration.Builder::build,
        at(at));
  }

  private Validation<Seq<Problem>, LocalDate> date(Object value, List<String> at) {
    try {
      return valid(LocalDate.parse(String.valueOf(value)));
    } catch (DateTimeParseException e) {
      return error("type-mismatch", "converge_by must be a date such as 2027-01-15, found `" + value + "`",
          valueAt(at), null);
    }
  }

  // ------------------------------------------------------------------ one key

  private <B> Validation<Seq<Problem>, Consumer<B>> unknownKeys(Map<String, Object> map, Set<String> known,
      List<String> at, String where) {
    List<Validation<Seq<Problem>, Consumer<B>>> found = new ArrayList<>();
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        found.add(error("unknown-key", "unknown key `" + key + "` in " + where + DidYouMean.hint(key, known),
            at(path(at, key)), "known keys: " + String.join(", ", new java.util.TreeSet<>(known))));
      }
    }
    return Validation.<Problem, Consumer<B>>sequence(found).map(none -> nothingTo());
  }

  private <T> Validation<Seq<Problem>, T> mismatch(List<String> at, String expected, Object found) {
    return error("type-mismatch", "`" + String.join(".", at) + "` must be " + expected + ", found "
        + Values.typeName(found), valueAt(at), null);
  }

  private Validation<Seq<Problem>, Map<String, Object>> map(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v != null && !(v instanceof Map)) {
      return mismatch(path(at, key), "a map", v);
    }
    return valid(Values.map(v));
  }

  private Validation<Seq<Problem>, List<String>> strings(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      return valid(List.of());
    }
    if (!(v instanceof List<?> list) || list.stream().anyMatch(i -> i instanceof Map || i instanceof List || i == null)) {
      return mismatch(path(at, key), "a list of strings", v);
    }
    return valid(Values.strings(v));
  }

  private Validation<Seq<Problem>, java.time.Duration> duration(Object value, List<String> at) {
    if (value == null || value instanceof Map || value instanceof List) {
      return mismatch(at, "a duration such as 30m, 2h, 7d or PT2H", value);
    }
    try {
      return valid(Durations.parse(String.valueOf(value)));
    } catch (IllegalArgumentException e) {
      return error("type-mismatch", e.getMessage(), valueAt(at), "write 30s, 45m, 2h, 7d or PT2H");
    }
  }

  private Validation<Seq<Problem>, Optional<Integer>> integer(Map<String, Object> parent, String key, List<String> at,
      int min) {
    Object v = parent.get(key);
    if (v == null) {
      return valid(Optional.empty());
    }
    if (!(v instanceof Long n) || n < min || n > Integer.MAX_VALUE) {
      return mismatch(path(at, key), "a whole number of at least " + min, v);
    }
    return valid(Optional.of(n.intValue()));
  }

  private Validation<Seq<Problem>, Instant> instant(Map<String, Object> parent, String key, List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      return error("missing-key", "missing `" + key + "`", at(at), "add `" + key + ": 2026-12-20T00:00:00Z`");
    }
    try {
      return valid(OffsetDateTime.parse(String.valueOf(v)).toInstant());
    } catch (DateTimeParseException e) {
      return error("type-mismatch", "`" + key + "` must be an ISO-8601 time with offset such as "
          + "2026-12-20T00:00:00Z, found `" + v + "`", valueAt(path(at, key)), null);
    }
  }

  private Validation<Seq<Problem>, String> requiredString(Map<String, Object> parent, String key, List<String> at) {
    if (parent.get(key) == null) {
      return error("missing-key", "missing `" + key + "`", at(at), "add `" + key + ":`");
    }
    return optionalString(parent, key, at).map(Optional::get);
  }

  private Validation<Seq<Problem>, Optional<String>> optionalString(Map<String, Object> parent, String key,
      List<String> at) {
    Object v = parent.get(key);
    if (v == null) {
      return valid(Optional.empty());
    }
    if (v instanceof Map || v instanceof List) {
      return mismatch(path(at, key), "a string", v);
    }
    return valid(Optional.of(String.valueOf(v)));
  }
}
