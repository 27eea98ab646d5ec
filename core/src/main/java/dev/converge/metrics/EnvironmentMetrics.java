package dev.converge.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One environment's delivery figures over a period. */
@Value.Immutable
public interface EnvironmentMetrics extends WithEnvironmentMetrics {

  String environment();

  /** Deployments (successful or not) of the environment's instances within the period. */
  int deployments();

  /** Deployments within the period that failed, or whose revision was later marked bad. */
  int changeFailures();

  /** From each failed deployment to the next successful one of the same instance, in order. */
  List<Duration> restores();

  /**
   * From each successful deployment's revision's commit (committer time) to that deployment, for
   * the successful deployments within the period whose revision's commit time is known, in ledger
   * order: how long each change waited before this environment ran it.
   */
  List<Duration> leadTimes();

  /** Successful deployments within the period whose revision's commit time is not known. */
  @Value.Default
  default int leadTimesUnknown() {
    return 0;
  }

  /** Deployments per day of the period. */
  double deploymentsPerDay();

  /** Change failures over deployments; empty when nothing was deployed. */
  default Optional<Double> changeFailureRate() {
    return deployments() == 0
        ? Optional.empty()
        : Optional.of((double) changeFailures() / deployments());
  }

  /** The median of {@link #restores()} (the lower middle of an even count); empty when none. */
  default Optional<Duration> medianTimeToRestore() {
    return lowerMedian(restores());
  }

  /** The median of {@link #leadTimes()} (the lower middle of an even count); empty when none. */
  default Optional<Duration> medianLeadTime() {
    return lowerMedian(leadTimes());
  }

  /** The longest of {@link #leadTimes()}; empty when none. */
  default Optional<Duration> longestLeadTime() {
    return leadTimes().stream().max(Duration::compareTo);
  }

  private static Optional<Duration> lowerMedian(List<Duration> durations) {
    if (durations.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    return Optional.of(sorted.get((sorted.size() - 1) / 2));
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableEnvironmentMetrics.Builder {
    Builder() {}
  }
}
