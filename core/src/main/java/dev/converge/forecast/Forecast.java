package dev.converge.forecast;

import dev.converge.ledger.LedgerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@link Forecaster#forecast}: for the trunk revision, the expected timeline to full
 * convergence per environment and wave, the assumptions it rests on, and the events it assumed.
 */
@Value.Immutable
public interface Forecast extends WithForecast {

  String revision();

  /** The instant the forecast was made for. */
  Instant at();

  /** Every environment, in pipeline order. */
  List<EnvironmentForecast> environments();

  /**
   * When every environment is expected to be done; {@link #at()} when it already is; empty when the
   * forecast cannot get there (see {@link #unresolved()}).
   */
  Optional<Instant> convergedAt();

  /** What the timeline assumes, in words, one assumption each. */
  List<String> assumptions();

  /** Why the forecast stops short of convergence; empty when it reaches it. */
  List<String> unresolved();

  /**
   * The events the forecast assumed (successful deployments, passing checks, approvals), in the
   * order it assumed them. Appended to the ledger, those up to an instant reproduce the forecast's
   * state at that instant: the planner then agrees with it.
   */
  List<LedgerRecord> assumedEvents();

  /** How many times the forecast called the planner. */
  int plans();

  default Optional<EnvironmentForecast> environment(String name) {
    return environments().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Whether the forecast reaches convergence. */
  default boolean isComplete() {
    return convergedAt().isPresent();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableForecast.Builder {
    Builder() {}
  }
}
