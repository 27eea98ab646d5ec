package dev.converge.metrics;

import dev.converge.ledger.BadRevision;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Delivery figures per environment over the half-open period {@code [since, until)}.
 *
 * <p>A deployment belongs to the first environment (in pipeline order) whose stack globs match its
 * stack; deployments of stacks no environment matches are not counted. A change failure is a
 * deployment in the period that failed, or whose revision a {@code bad} record marks at or after
 * the deployment (a mark before it is the pipeline's business, not a change failure). A restore
 * runs from a failed deployment in the period to the next successful deployment of the same
 * instance, whenever that comes; a failure never followed by a success has no restore. The ledger
 * has no rollback record of its own: a rollback shows here as the failure or mark that caused it.
 *
 * <p>Lead time runs from a revision's commit (its committer time, which the caller supplies: the
 * engine reads no git) to each successful deployment of it in the period, per environment; the
 * last environment of the pipeline order is {@link #production()}. A revision without a known
 * commit time is counted in {@link EnvironmentMetrics#leadTimesUnknown()}, not guessed.
 */
@Value.Immutable
public interface DeliveryMetrics extends WithDeliveryMetrics {

  Instant since();

  Instant until();

  /** One entry per pipeline environment, in pipeline order. */
  List<EnvironmentMetrics> environments();

  /** The last environment of the pipeline order, whose lead time is "commit to production". */
  Optional<String> production();

  /** The metrics without lead times (no commit times known). */
  static DeliveryMetrics of(Ledger ledger, Pipeline pipeline, Instant since, Instant until) {
    return of(ledger, pipeline, since, until, Map.of());
  }

  /**
   * Computes the metrics; {@code since} must be before {@code until}. {@code commitTimes} maps a
   * revision (as the ledger names it) to its commit's committer time.
   */
  static DeliveryMetrics of(Ledger ledger, Pipeline pipeline, Instant since, Instant until,
      Map<String, Instant> commitTimes) {
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("since (" + since + ") must be before until (" + until + ")");
    }
    List<Deployment> deployments = ledger.recordsOf(Deployment.class);
    List<BadRevision> marks = ledger.recordsOf(BadRevision.class);
    Map<String, List<Deployment>> byEnvironment = new HashMap<>();
    for (Deployment d : deployments) {
      if (d.at().isBefore(since) || !d.at().isBefore(until)) {
        continue;
      }
      List<Environment> matching = pipeline.environmentsOf(d.instance().stack());
      if (!matching.isEmpty()) {
        String name = firstInOrder(pipeline, matching);
        byEnvironment.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
      }
    }
    double days = Duration.between(since, until).toMillis() / 86_400_000.0;
    List<Environment> order = pipeline.order();
    Builder result = builder().since(since).until(until)
        .production(order.isEmpty() ? Optional.empty() : Optional.of(order.get(order.size() - 1).name()));
    for (Environment e : order) {
      List<Deployment> mine = byEnvironment.getOrDefault(e.name(), List.of());
      int failures = 0;
      List<Duration> restores = new ArrayList<>();
      List<Duration> leadTimes = new ArrayList<>();
      int leadTimesUnknown = 0;
      for (Deployment d : mine) {
        if (d.isSuccess() && !d.destroy()) {
          Instant committed = commitTimes.get(d.revision());
          if (committed == null) {
            leadTimesUnknown++;
          } else {
            leadTimes.add(Duration.between(committed, d.at()));
          }
        }
        if (!d.isSuccess() || markedLater(d, marks)) {
          failures++;
        }
        if (!d.isSuccess()) {
          nextSuccess(d, deployments).ifPresent(r -> restores.add(Duration.between(d.at(), r)));
        }
      }
      result.addEnvironment(EnvironmentMetrics.builder()
          .environment(e.name())
          .deployments(mine.size())
          .changeFailures(failures)
          .addAllRestores(restores)
          .addAllLeadTimes(leadTimes)
          .leadTimesUnknown(leadTimesUnknown)
          .deploymentsPerDay(mine.size() / days)
          .build());
    }
    return result.build();
  }

  private static String firstInOrder(Pipeline pipeline, List<Environment> matching) {
    for (Environment e : pipeline.order()) {
      if (matching.contains(e)) {
        return e.name();
      }
    }
    return matching.get(0).name();
  }

  private static boolean markedLater(Deployment d, List<BadRevision> marks) {
    return marks.stream().anyMatch(m -> m.revision().equals(d.revision()) && !m.at().isBefore(d.at()));
  }

  private static Optional<Instant> nextSuccess(Deployment failed, List<Deployment> all) {
    InstanceId id = failed.instance();
    return all.stream()
        .filter(d -> d.instance().equals(id) && d.isSuccess() && d.at().isAfter(failed.at()))
        .map(Deployment::at)
        .min(Instant::compareTo);
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDeliveryMetrics.Builder {
    Builder() {}
  }
}
