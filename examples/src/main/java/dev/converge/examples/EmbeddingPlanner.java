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
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Embedding the planner in another tool: build the inputs as values, plan, read {@code next}. */
public final class EmbeddingPlanner {

  private EmbeddingPlanner() {}

  /** What may run now, as {@code environment stack component kind} lines. */
  public static List<String> whatRunsNow(Instant now) {
    // @start region="embedding"
    Pipeline pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("prod").addAfter("dev").addStack(StackGlob.of("prod/*"))
            .soak(Duration.ofHours(2)).approvals(1).build())
        .build();
    Instance vpc = Instance.builder()
        .id(InstanceId.of("dev/us-east-1", "vpc")).folder("vpc")
        .sourceDigest("3f1c2a9").configDigest("9b2e77d").build();
    DesiredState desired = DesiredState.builder().revision(Revision.of("abc123")).addInstance(vpc).build();
    Ledger ledger = Ledger.of(Deployment.builder()
        .at(now.minus(Duration.ofDays(1))).instance(vpc.id()).folder("vpc").revision("xyz789")
        .sourceDigest("0d4e5f6").configDigest("9b2e77d").outcome(Outcome.SUCCESS).build());

    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(ledger).at(now).plan(desired);
    // @end region="embedding"
    return plan.next().stream()
        .map(a -> String.join(" ", a.environment(), a.stack(), a.component(), a.kind().word()))
        .toList();
  }

  public static void main(String[] args) {
    whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")).forEach(System.out::println);
  }
}
