package dev.converge.testkit;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plays the operator: plans, deploys {@code next} successfully, passes the checks, grants the
 * approvals and, when nothing may run, moves the clock to the earliest {@code opens_at}; until the
 * plan is converged or a bound of steps is reached.
 *
 * <p>Each step makes progress of one kind: at least one action deployed; or the checks and
 * approvals that were missing recorded (which happens at most once per environment and revision,
 * plus once per failed check); or time moved to a gate's opening. So a scenario with {@code A}
 * changes and {@code E} environments converges in at most {@link #bound(int, int)} steps.
 */
public final class ConvergenceDriver {

  private final Pipeline pipeline;
  private final DesiredState desired;
  private final List<LedgerRecord> records;
  private Instant now;
  private final List<RolloutPlan> plans = new ArrayList<>();
  private final Set<String> approved = new HashSet<>();

  private ConvergenceDriver(Pipeline pipeline, DesiredState desired, Ledger ledger, Instant now) {
    this.pipeline = pipeline;
    this.desired = desired;
    this.records = new ArrayList<>(ledger.records());
    this.now = now;
  }

  public static ConvergenceDriver of(Scenario scenario) {
    return new ConvergenceDriver(scenario.pipeline(), scenario.desired(), scenario.ledger(), scenario.now());
  }

  /** The step bound for {@code changes} actions and {@code environments} environments. */
  public static int bound(int changes, int environments) {
    return changes + 4 * environments + 2;
  }

  /**
   * Drives until converged or {@code maxSteps} plans were made; {@code eachPlan} sees every plan.
   *
   * @return the last plan
   */
  public RolloutPlan drive(int maxSteps, Consumer<RolloutPlan> eachPlan) {
    RolloutPlan plan = plan();
    eachPlan.accept(plan);
    for (int step = 0; step < maxSteps && !plan.isConverged(); step++) {
      if (!plan.next().isEmpty()) {
        plan.next().forEach(this::deploy);
      } else if (!recordChecksAndApprovals(plan)) {
        Optional<Instant> opens = plan.environments().stream()
            .map(e -> e.gate().opensAt()).flatMap(Optional::stream).min(Instant::compareTo);
        if (opens.isEmpty()) {
          return plan;
        }
        now = opens.get();
      }
      now = now.plusSeconds(1);
      plan = plan();
      eachPlan.accept(plan);
    }
    return plan;
  }

  /** Every plan made so far, in order. */
  public List<RolloutPlan> plans() {
    return plans;
  }

  public Ledger ledger() {
    return Ledger.of(records);
  }

  public Instant now() {
    return now;
  }

  private RolloutPlan plan() {
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(Ledger.of(records)).at(now).plan(desired);
    plans.add(plan);
    return plan;
  }

  private void deploy(Action action) {
    Deployment.Builder deployment = Deployment.builder()
        .at(now)
        .instance(action.instance())
        .folder(action.folder())
        .revision(action.toRevision())
        .outcome(Outcome.SUCCESS)
        .actor("driver");
    if (action.kind() == ActionKind.DESTROY) {
      deployment.sourceDigest("destroyed").configDigest("destroyed").destroy(true);
    } else {
      Instance instance = desired.instance(action.instance()).orElseThrow();
      deployment.sourceDigest(instance.sourceDigest()).configDigest(instance.configDigest());
    }
    records.add(deployment.build());
  }

  /** Passes every check of a done environment not yet passed, and grants missing approvals. */
  private boolean recordChecksAndApprovals(RolloutPlan plan) {
    boolean recorded = false;
    for (EnvironmentPlan environmentPlan : plan.environments()) {
      Environment environment = pipeline.environment(environmentPlan.name()).orElseThrow();
      if (environmentPlan.gate().state() == GateState.DONE) {
        for (String check : environment.checks()) {
          if (!passed(environment.name(), check, plan.revision())) {
            records.add(CheckResult.builder().at(now).environment(environment.name()).revision(plan.revision())
                .check(check).outcome(Outcome.SUCCESS).build());
            recorded = true;
          }
        }
      }
      boolean destroys = environmentPlan.actions().stream().anyMatch(a -> a.kind() == ActionKind.DESTROY);
      int needed = Math.max(environment.approvals(), destroys ? 1 : 0);
      if (!environmentPlan.changes().isEmpty() && needed > 0 && approved.add(environment.name() + "@" + plan.revision())) {
        for (int i = 0; i < needed; i++) {
          records.add(Approval.builder().at(now).environment(environment.name()).revision(plan.revision())
              .approver("approver-" + i).build());
        }
        recorded = true;
      }
    }
    return recorded;
  }

  private boolean passed(String environment, String check, String revision) {
    CheckResult newest = null;
    for (LedgerRecord r : records) {
      if (r instanceof CheckResult c && c.environment().equals(environment) && c.check().equals(check)
          && c.revision().equals(revision) && (newest == null || !c.at().isBefore(newest.at()))) {
        newest = c;
      }
    }
    return newest != null && newest.isSuccess();
  }
}
