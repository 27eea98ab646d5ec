package dev.converge.rollback;

import dev.converge.Engine;
import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReport;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers {@code converge rollback}.
 *
 * <p>Why trunk history and not time: "before revision X" means older on trunk. A deployment made
 * yesterday of an old revision (a rerun) is not newer than one made last week of a newer revision,
 * and a deployment from a revision that is not on trunk (a branch, a rewritten commit) is never a
 * target, because trunk is the only source of desired state. How: the target is the successful,
 * non-destroying deployment whose revision comes first in the history after X (the newest older
 * revision); of several deployments of that revision, the latest. Without X, the revision of the
 * current deployment takes its place: "the one before what runs now". When the desired state
 * carries no history, deployment times order the candidates instead, and the target says so.
 *
 * <pre>{@code
 * List<RollbackTarget> targets = Rollback.of(pipeline).withLedger(ledger)
 *     .targets(desired, "prod", "vpc", Optional.empty(), Optional.of("abc1234"));
 * }</pre>
 */
public final class Rollback {

  private final Engine engine;

  private Rollback(Engine engine) {
    this.engine = engine;
  }

  public static Rollback of(Pipeline pipeline) {
    return new Rollback(Engine.of(pipeline));
  }

  /** Rollback over {@code engine}'s pipeline, ledger and instant. */
  public static Rollback of(Engine engine) {
    return new Rollback(Objects.requireNonNull(engine, "engine"));
  }

  public Rollback withLedger(Ledger ledger) {
    return new Rollback(engine.withLedger(ledger));
  }

  /** A copy that plans reverts as of {@code now}. */
  public Rollback at(Instant now) {
    return new Rollback(engine.at(now));
  }

  /**
   * The deployment to return to for every instance of {@code component} in {@code environment}
   * (only {@code stack}'s, when given), by stack.
   *
   * @param desired the current desired state; its history orders revisions
   * @param before the revision to go back before; empty means before what runs now
   * @throws IllegalArgumentException when the pipeline has no such environment
   */
  public List<RollbackTarget> targets(DesiredState desired, String environment, String component,
      Optional<String> stack, Optional<String> before) {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(component, "component");
    Environment env = engine.pipeline().environment(Objects.requireNonNull(environment, "environment"))
        .orElseThrow(() -> new IllegalArgumentException("environment (" + environment + ") is not in the pipeline; it has "
            + engine.pipeline().environments().stream().map(Environment::name).toList()));
    Set<InstanceId> ids = new TreeSet<>();
    for (Instance instance : desired.instances()) {
      if (instance.component().equals(component) && env.matches(instance.stack())) {
        ids.add(instance.id());
      }
    }
    for (Deployment d : engine.ledger().recordsOf(Deployment.class)) {
      if (d.instance().component().equals(component) && env.matches(d.instance().stack())) {
        ids.add(d.instance());
      }
    }
    stack.ifPresent(s -> ids.removeIf(id -> !id.stack().equals(s)));
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < desired.history().size(); i++) {
      position.putIfAbsent(desired.history().get(i), i);
    }
    List<RollbackTarget> result = new ArrayList<>();
    for (InstanceId id : ids) {
      result.add(target(env.name(), id, position, before));
    }
    return result;
  }

  private RollbackTarget target(String environment, InstanceId id, Map<String, Integer> position, Optional<String> before) {
    List<Deployment> successes = engine.ledger().recordsOf(Deployment.class).stream()
        .filter(d -> d.instance().equals(id) && d.isSuccess() && !d.destroy())
        .toList();
    Optional<Deployment> current = newest(successes);
    RollbackTarget.Builder target = RollbackTarget.builder().environment(environment).instance(id).current(current);
    Optional<String> pivot = before.or(() -> current.map(Deployment::revision));
    if (pivot.isEmpty()) {
      return target.addReason("never deployed successfully: nothing to return to").build();
    }
    String x = pivot.get();
    if (position.isEmpty()) {
      Optional<Instant> firstOfPivot = successes.stream().filter(d -> d.revision().equals(x)).map(Deployment::at)
          .min(Instant::compareTo);
      if (firstOfPivot.isEmpty()) {
        return target.addReason("no trunk history to order revisions, and " + Revision.abbreviate(x) + " was never deployed here").build();
      }
      Optional<Deployment> older = newest(successes.stream()
          .filter(d -> !d.revision().equals(x) && d.at().isBefore(firstOfPivot.get())).toList());
      target.target(older).addReason("no trunk history: ordered by deployment time");
      older.ifPresentOrElse(d -> target.addReason(describe(d, x)),
          () -> target.addReason("no successful deployment before " + Revision.abbreviate(x)));
      return target.build();
    }
    Integer pivotPosition = position.get(x);
    if (pivotPosition == null) {
      return target.addReason("revision " + Revision.abbreviate(x) + " is not on trunk; give a trunk revision").build();
    }
    Deployment best = null;
    int bestPosition = Integer.MAX_VALUE;
    List<String> offTrunk = new ArrayList<>();
    for (Deployment d : successes) {
      Integer p = position.get(d.revision());
      if (p == null) {
        if (!offTrunk.contains(d.revision())) {
          offTrunk.add(d.revision());
        }
        continue;
      }
      if (p > pivotPosition && (p < bestPosition || (p == bestPosition && !d.at().isBefore(best.at())))) {
        best = d;
        bestPosition = p;
      }
    }
    if (best == null) {
      target.addReason("no successful deployment of a trunk revision older than " + Revision.abbreviate(x));
    } else {
      target.target(best).addReason(describe(best, x));
    }
    if (!offTrunk.isEmpty()) {
      target.addReason("skipped deployments of revisions not on trunk: "
          + offTrunk.stream().map(Revision::abbreviate).collect(Collectors.joining(", ")));
    }
    return target.build();
  }

  private static String describe(Deployment d, String before) {
    return "return to " + Revision.abbreviate(d.revision()) + " (folder " + d.folder() + ", deployed " + d.at()
        + d.actor().map(a -> " by " + a).orElse("") + "), the newest successful deployment before " + Revision.abbreviate(before);
  }

  private static Optional<Deployment> newest(Collection<Deployment> deployments) {
    Deployment newest = null;
    for (Deployment d : deployments) {
      if (newest == null || !d.at().isBefore(newest.at())) {
        newest = d;
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * "Revert commit X on trunk and re-run": what changes and in which order.
   *
   * @param head the desired state the revert is applied to
   * @param reverted the desired state of head with X reverted: the loader builds it (for instance
   *     from a scratch revert commit); its history must put it first, ahead of head
   * @param revertedRevision X, the revision being reverted
   * @param changedFiles the files the revert changes, for the reasons
   * @throws IllegalStateException if no instant was given with {@link #at(Instant)}
   */
  public RevertPlan revert(DesiredState head, DesiredState reverted, String revertedRevision,
      Collection<String> changedFiles) {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(reverted, "reverted");
    Objects.requireNonNull(revertedRevision, "revertedRevision");
    engine.requireNow("revert()");
    AffectedReport changes = engine.affected().between(head, reverted, changedFiles);
    RolloutPlan plan = engine.plan(reverted);
    Set<InstanceId> changed = changes.affected().stream().map(AffectedInstance::instance).collect(Collectors.toSet());
    List<RevertStep> order = new ArrayList<>();
    for (EnvironmentPlan environment : plan.environments()) {
      Map<Integer, List<InstanceId>> waves = new TreeMap<>();
      for (Action action : environment.actions()) {
        if (action.kind().isChange() && changed.contains(action.instance()) && action.wave().isPresent()) {
          waves.computeIfAbsent(action.wave().getAsInt(), k -> new ArrayList<>()).add(action.instance());
        }
      }
      waves.forEach((wave, instances) -> order.add(RevertStep.builder()
          .environment(environment.name())
          .wave(wave)
          .addAllInstances(instances)
          .gate(environment.gate().state())
          .build()));
    }
    return RevertPlan.builder()
        .reverted(revertedRevision)
        .changes(changes)
        .plan(plan)
        .addAllOrder(order)
        .build();
  }

}
