package dev.converge.examples;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Embedding the planner in another tool: build the inputs as values, plan, read {@code next}. */
public final class EmbeddingPlanner {

  private EmbeddingPlanner() {}

  /** What may run now, as {@code environment stack component kind} lines. */
  public static List<String> whatRunsNow(Instant now) {
    return plan(now).next().stream()
        .map(a -> String.join(" ", a.environment(), a.stack(), a.component(), a.kind().word()))
        .toList();
  }

  /** The plan for a small estate: vpc in dev and prod, deployed yesterday at xyz789, changed at abc123. */
  public static RolloutPlan plan(Instant now) {
    // @start region="inputs"
    Instance devVpc = Instance.builder()
        .id(InstanceId.of("dev/us-east-1", "vpc")).folder("vpc")
        .sourceDigest("3f1c2a9").configDigest("9b2e77d").build();
    Instance prodVpc = devVpc.withId(InstanceId.of("prod/us-east-1", "vpc"));
    DesiredState desired = DesiredState.builder().revision(Revision.of("abc123")).addInstance(devVpc).addInstance(prodVpc).build();
    Ledger ledger = Ledger.of(
        deployedYesterday(devVpc, now),    // at xyz789, whose vpc folder had digest 0d4e5f6
        deployedYesterday(prodVpc, now));
    // @end region="inputs"
    return plan(desired, ledger, now);
  }

  /** The README's ten lines. */
  public static RolloutPlan plan(DesiredState desired, Ledger ledger, Instant now) {
    // @start region="readme"
    Pipeline pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("prod").addAfter("dev").addStack(StackGlob.of("prod/*"))
            .soak(Duration.ofHours(2)).approvals(1).build())
        .build();
    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(ledger).at(now).plan(desired);
    plan.next();                             // exactly the actions that may run now
    plan.environment("prod").get().gate();   // waiting_upstream, with every reason and the earliest instant
    PlanText.render(plan);                   // a readable table per environment
    // @end region="readme"
    return plan;
  }

  // @start region="deployment"
  static Deployment deployedYesterday(Instance instance, Instant now) {
    return Deployment.builder()
        .at(now.minus(Duration.ofDays(1))).instance(instance.id()).folder(instance.folder()).revision("xyz789")
        .sourceDigest("0d4e5f6").configDigest(instance.configDigest()).outcome(Outcome.SUCCESS).build();
  }
  // @end region="deployment"

  public static void main(String[] args) {
    whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")).forEach(System.out::println);
  }
}
