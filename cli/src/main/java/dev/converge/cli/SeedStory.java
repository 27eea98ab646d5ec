package dev.converge.cli;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Approval;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.plan.Action;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's story told by the library: commit {@code abc123} merged while every environment
 * runs {@code xyz789}; dev deploys at once, staging after dev's smoke test and a soak, prod after
 * staging's tests, a soak and an approval; the plan at Time 0, +30 min, +2 h and at convergence.
 */
final class SeedStory {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  static final String[] STACKS = {"dev/us-east-1", "staging/us-east-1", "prod/us-east-1"};
  static final String[] COMPONENTS = {"vpc", "eks", "monitoring"};

  private final PrintWriter out;
  private final Pipeline pipeline = Pipeline.builder()
      .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
      .addEnvironment(Environment.builder().name("staging").addAfter("dev").addStack(StackGlob.of("staging/*"))
          .soak(Duration.ofMinutes(20)).addCheck("integration").build())
      .addEnvironment(Environment.builder().name("prod").addAfter("staging").addStack(StackGlob.of("prod/*"))
          .soak(Duration.ofMinutes(30)).approvals(1).build())
      .build();
  private final List<LedgerRecord> ledger = new ArrayList<>();
  private final DesiredState desired;

  SeedStory(PrintWriter out) {
    this.out = out;
    List<Instance> instances = new ArrayList<>();
    for (String stack : STACKS) {
      for (String component : COMPONENTS) {
        boolean changed = !component.equals("monitoring");
        Instance.Builder instance = Instance.builder()
            .id(InstanceId.of(stack, component)).folder(component)
            .sourceDigest(component + (changed ? "-tree-2" : "-tree-1"))
            .configDigest(stack + "/" + component);
        if (!component.equals("vpc")) {
          instance.addDependsOn(InstanceId.of(stack, "vpc"));
        }
        Instance current = instance.build();
        instances.add(current);
        ledger.add(deployment(current.withSourceDigest(component + "-tree-1"), "xyz789", T0.minus(Duration.ofDays(1))));
      }
    }
    desired = DesiredState.builder().revision(Revision.of("abc123", T0)).addAllInstances(instances)
        .addHistory("abc123", "xyz789").build();
  }

  /** Tells the story; returns the last plan. */
  RolloutPlan tell() {
    chapter("Time 0: commit abc123 merged to main; every environment runs xyz789", T0);
    deployNext(T0.plus(Duration.ofMinutes(2)));
    record(check("dev", "smoke", T0.plus(Duration.ofMinutes(10))));

    chapter("Time +10min: dev deployed and its smoke test passed; staging soaks", T0.plus(Duration.ofMinutes(10)));
    RolloutPlan plus30 = chapter("Time +30min: the soak is over; staging deploys", T0.plus(Duration.ofMinutes(30)));
    deployNext(plus30.at().plusSeconds(60));
    record(check("staging", "integration", T0.plus(Duration.ofMinutes(90))));
    record(Approval.builder().at(T0.plus(Duration.ofMinutes(100))).environment("prod").revision("abc123")
        .approver("alice").build());

    RolloutPlan plus2h = chapter("Time +2h: staging validated, alice approved; prod deploys", T0.plus(Duration.ofHours(2)));
    deployNext(plus2h.at().plusSeconds(60));
    return chapter("Time +2h05: convergence achieved", T0.plus(Duration.ofMinutes(125)));
  }

  private RolloutPlan chapter(String title, Instant now) {
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(Ledger.of(ledger)).at(now).plan(desired);
    out.println("=== " + title);
    out.println(PlanText.render(plan));
    return plan;
  }

  /** Deploys every wave the plan allows now, as CI would, one wave after the other. */
  private void deployNext(Instant at) {
    Instant now = at;
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(Ledger.of(ledger)).at(now).plan(desired);
    while (!plan.next().isEmpty()) {
      for (Action action : plan.next()) {
        Instance instance = desired.instance(action.instance()).orElseThrow();
        ledger.add(deployment(instance, action.toRevision(), now));
        out.println("deployed " + action.instance().render() + " (wave " + action.wave().orElse(0) + ") at " + now);
      }
      now = now.plusSeconds(60);
      plan = RolloutPlanner.of(pipeline).withLedger(Ledger.of(ledger)).at(now).plan(desired);
    }
    out.println();
  }

  private void record(LedgerRecord record) {
    ledger.add(record);
  }

  private static CheckResult check(String environment, String check, Instant at) {
    return CheckResult.builder().at(at).environment(environment).revision("abc123").check(check)
        .outcome(Outcome.SUCCESS).build();
  }

  private static Deployment deployment(Instance instance, String revision, Instant at) {
    return Deployment.builder().at(at).instance(instance.id()).folder(instance.folder()).revision(revision)
        .sourceDigest(instance.sourceDigest()).configDigest(instance.configDigest()).outcome(Outcome.SUCCESS)
        .actor("ci").build();
  }
}
