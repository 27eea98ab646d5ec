package dev.converge.pipeline;

import dev.converge.diagnostic.SourceLocation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A stage of the pipeline ({@code dev}, {@code staging}, {@code prod}) and its gate. */
@Value.Immutable
public interface Environment extends WithEnvironment {

  String name();

  /** Upstream environments: this one proceeds when they have finished the revision. */
  List<String> after();

  /** Globs over stack names; every stack belongs to exactly one environment. */
  List<StackGlob> stacks();

  /** Checks that must pass here before downstream environments proceed. */
  List<String> checks();

  /** How long after the upstream environments finished before this one may deploy. */
  @Value.Default
  default Duration soak() {
    return Duration.ZERO;
  }

  /** Distinct approvers needed per revision. */
  @Value.Default
  default int approvals() {
    return 0;
  }

  /** When deployments may run; empty means any time. */
  List<DeploymentWindow> windows();

  List<Freeze> freezes();

  /** Actions at once in this environment; empty means no bound. */
  OptionalInt maxParallel();

  /** Ordered waves of stack globs inside the environment (regions); empty means one wave. */
  List<StackWave> waves();

  @Value.Auxiliary
  Optional<SourceLocation> location();

  /**
   * The first instant at or after {@code from} outside every freeze and inside a window (when
   * windows are configured); empty when none comes within a thousand steps (a freeze without end
   * in sight, say).
   */
  default Optional<Instant> deployableFrom(Instant from) {
    Instant t = from;
    for (int step = 0; step < 1_000; step++) {
      Instant moved = t;
      for (Freeze freeze : freezes()) {
        if (freeze.contains(moved)) {
          moved = freeze.to();
        }
      }
      if (!windows().isEmpty() && !inWindow(moved)) {
        Instant open = null;
        for (DeploymentWindow window : windows()) {
          Instant candidate = window.nextOpen(moved);
          if (open == null || candidate.isBefore(open)) {
            open = candidate;
          }
        }
        moved = open;
      }
      if (moved.equals(t)) {
        return Optional.of(t);
      }
      t = moved;
    }
    return Optional.empty();
  }

  /** Whether {@code instant} is inside a window; true when no window is configured. */
  default boolean inWindow(Instant instant) {
    return windows().isEmpty() || windows().stream().anyMatch(w -> w.contains(instant));
  }

  default Optional<Freeze> freezeAt(Instant instant) {
    return freezes().stream().filter(f -> f.contains(instant)).findFirst();
  }

  default boolean matches(String stack) {
    return stacks().stream().anyMatch(g -> g.matches(stack));
  }

  @Value.Check
  default void check() {
    if (name().isBlank()) {
      throw new IllegalArgumentException("environment name must not be blank");
    }
    if (approvals() < 0) {
      throw new IllegalArgumentException("approvals (" + approvals() + ") must not be negative in " + name());
    }
    if (maxParallel().isPresent() && maxParallel().getAsInt() < 1) {
      throw new IllegalArgumentException("max_parallel (" + maxParallel().getAsInt() + ") must be positive in " + name());
    }
    if (soak().isNegative()) {
      throw new IllegalArgumentException("soak (" + soak() + ") must not be negative in " + name());
    }
    if (after().contains(name())) {
      throw new IllegalArgumentException("environment " + name() + " cannot come after itself");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableEnvironment.Builder {
    Builder() {}

    /** Adds stack globs given as text. */
    public Builder addStackGlobs(String... globs) {
      for (String glob : globs) {
        addStack(StackGlob.of(glob));
      }
      return this;
    }
  }
}
