package dev.converge.forecast;

import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.pipeline.Durations;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.immutables.value.Value;

/**
 * How long one deployment in an environment is assumed to take, estimated from the ledger.
 *
 * <p>The ledger dates a deployment by when it finished, not when it started, so a duration shows
 * only in the spacing of finishes. A <em>run</em> is the successful deployments of one environment
 * at one revision; one apply follows another, so a run with {@code n} distinct finish instants
 * took {@code n - 1} steps between its first and last finish, and its step is that span divided by
 * {@code n - 1}. The estimate is the median step (the lower middle of an even count) of the
 * environment's {@value #RECENT_RUNS} most recent runs that have at least two finish instants; when
 * no run has, it is the stated default. Deployments belong to the first environment, in declaration
 * order, whose stack globs match their stack, as the planner places them.
 */
@Value.Immutable
public interface DurationEstimate extends WithDurationEstimate {

  /** How many of an environment's most recent runs the median looks at. */
  int RECENT_RUNS = 5;

  /** The assumed duration of one deployment (one wave, or one {@code max_parallel} batch of it). */
  Duration duration();

  /** How many runs the median was taken over; 0 when the duration is the default. */
  int runs();

  default boolean isDefault() {
    return runs() == 0;
  }

  /** In words: {@code 4m (median of 3 recent runs)} or {@code 10m (default: no history)}. */
  default String describe() {
    return Durations.format(duration()) + (isDefault() ? " (default: no history)"
        : " (median of " + runs() + (runs() == 1 ? " recent run)" : " recent runs)"));
  }

  static DurationEstimate of(Duration duration, int runs) {
    return builder().duration(duration).runs(runs).build();
  }

  /**
   * The estimate for {@code environment} from {@code ledger}; {@code fallback} when no run tells.
   *
   * @throws IllegalArgumentException when {@code fallback} is not positive
   */
  static DurationEstimate from(Ledger ledger, Pipeline pipeline, String environment, Duration fallback) {
    if (fallback.isNegative() || fallback.isZero()) {
      throw new IllegalArgumentException("fallback (" + fallback + ") must be positive");
    }
    Map<String, TreeSet<Instant>> runs = new TreeMap<>();
    for (Deployment d : ledger.recordsOf(Deployment.class)) {
      List<Environment> matching = pipeline.environmentsOf(d.instance().stack());
      if (d.isSuccess() && !matching.isEmpty() && matching.get(0).name().equals(environment)) {
        runs.computeIfAbsent(d.revision(), k -> new TreeSet<>()).add(d.at());
      }
    }
    List<TreeSet<Instant>> telling = new ArrayList<>();
    runs.values().stream().filter(finishes -> finishes.size() >= 2).forEach(telling::add);
    telling.sort(Comparator.comparing((TreeSet<Instant> finishes) -> finishes.last()).reversed());
    List<Duration> steps = telling.stream().limit(RECENT_RUNS)
        .map(f -> Duration.between(f.first(), f.last()).dividedBy(f.size() - 1L))
        .sorted()
        .toList();
    if (steps.isEmpty()) {
      return of(fallback, 0);
    }
    Duration median = steps.get((steps.size() - 1) / 2);
    return of(median.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : median, steps.size());
  }

  @Value.Check
  default void check() {
    if (duration().isNegative() || duration().isZero()) {
      throw new IllegalArgumentException("duration (" + duration() + ") must be positive");
    }
    if (runs() < 0) {
      throw new IllegalArgumentException("runs (" + runs() + ") must not be negative");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDurationEstimate.Builder {
    Builder() {}
  }
}
