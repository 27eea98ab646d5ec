package dev.converge.testkit;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One generated planning input: a pipeline, a desired state, a ledger and an instant, with the
 * seed that made it, so a failing case reproduces from its display name.
 *
 * @param seed the seed the generator was given
 * @param pipeline the rollout pipeline
 * @param desired the desired state at the planned revision
 * @param ledger what happened before
 * @param now the instant to plan at
 */
public record Scenario(long seed, Pipeline pipeline, DesiredState desired, Ledger ledger, Instant now) {

  /** Plans the scenario. */
  public RolloutPlan plan() {
    return RolloutPlanner.of(pipeline).withLedger(ledger).at(now).plan(desired);
  }

  /** A copy keeping only the instances {@code keep} accepts, with the ledger's records about the others removed. */
  public Scenario retainInstances(Predicate<Instance> keep) {
    List<Instance> kept = desired.instances().stream().filter(keep).toList();
    Set<InstanceId> removed = desired.instances().stream().filter(keep.negate()).map(Instance::id)
        .collect(Collectors.toSet());
    List<LedgerRecord> records = ledger.records().stream()
        .filter(r -> !(r instanceof Deployment d && removed.contains(d.instance())))
        .toList();
    return new Scenario(seed, pipeline, desired.withInstances(kept), Ledger.of(records), now);
  }

  /** A readable description of the whole input, for a failure message. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("seed ").append(seed).append(", now ").append(now).append(", revision ")
        .append(desired.revision().id()).append(", history ").append(desired.history()).append('\n');
    out.append("pipeline:\n");
    for (Environment e : pipeline.environments()) {
      out.append("  ").append(e.name()).append(" after=").append(e.after()).append(" stacks=").append(e.stacks())
          .append(" checks=").append(e.checks()).append(" soak=").append(e.soak()).append(" approvals=")
          .append(e.approvals()).append(" windows=")
          .append(e.windows().stream().map(w -> w.render()).toList()).append(" freezes=").append(e.freezes().size())
          .append(" max_parallel=").append(e.maxParallel()).append(" waves=").append(e.waves().size()).append('\n');
    }
    out.append("instances:\n");
    for (Instance i : desired.instances()) {
      out.append("  ").append(i.id().render()).append(" folder=").append(i.folder()).append(" src=")
          .append(i.sourceDigest()).append(" cfg=").append(i.configDigest()).append(" depends_on=")
          .append(i.dependsOn().stream().map(d -> d.render()).toList()).append('\n');
    }
    out.append("ledger:\n");
    for (LedgerRecord r : ledger.records()) {
      out.append("  ").append(r).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "seed " + seed + " (" + pipeline.environments().size() + " environments, "
        + desired.instances().size() + " instances, " + ledger.size() + " ledger records)";
  }
}
