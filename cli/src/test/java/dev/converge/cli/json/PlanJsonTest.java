package dev.converge.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.RolloutPlanner;
import dev.converge.ledger.Approval;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The JSON of FORMATS.md, compared with reviewed expected files. */
class PlanJsonTest {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  static RolloutPlan plan() {
    Pipeline pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("staging").addAfter("dev").addStack(StackGlob.of("staging/*"))
            .soak(Duration.ofMinutes(30)).build())
        .addEnvironment(Environment.builder().name("prod").addAfter("staging").addStack(StackGlob.of("prod/*"))
            .approvals(1).build())
        .build();
    Instance dev = Instance.builder().id(InstanceId.of("dev/us-east-1", "vpc")).folder("vpc")
        .sourceDigest("tree-2").configDigest("cfg-dev").build();
    Instance staging = dev.withId(InstanceId.of("staging/us-east-1", "vpc")).withConfigDigest("cfg-staging");
    DesiredState desired = DesiredState.builder().revision(Revision.of("abc123", NOW.minusSeconds(3600)))
        .addInstances(dev, staging).addHistory("abc123", "xyz789").build();
    Ledger ledger = Ledger.of(
        Deployment.builder().at(NOW.minusSeconds(7200)).instance(staging.id()).folder("vpc").revision("xyz789")
            .sourceDigest("tree-1").configDigest("cfg-staging").outcome(Outcome.SUCCESS).build(),
        Approval.builder().at(NOW.minusSeconds(5000)).environment("prod").revision("xyz789").approver("alice").build());
    return RolloutPlanner.of(pipeline).withLedger(ledger).at(NOW).plan(desired);
  }

  @Test
  void of_plan_matchesReviewedJson() throws IOException {
    assertThat(Json.pretty(PlanJson.of(plan()))).isEqualTo(expected("json/plan.json"));
  }

  @Test
  void print_streamed_writesWhatTheTreeWrites() {
    java.io.StringWriter streamed = new java.io.StringWriter();
    PlanJson.print(plan(), new java.io.PrintWriter(streamed));
    java.io.StringWriter tree = new java.io.StringWriter();
    Json.print(PlanJson.of(plan()), new java.io.PrintWriter(tree));

    assertThat(streamed.toString()).isEqualTo(tree.toString()).contains("\"causes\"", "\"gate\"", "\"next\"");
  }

  /** Eleven instances in dev and in staging, half of them deployed before, some depending on others. */
  static RolloutPlan widePlan() {
    Pipeline pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).build())
        .addEnvironment(Environment.builder().name("staging").addAfter("dev").addStack(StackGlob.of("staging/*")).build())
        .build();
    DesiredState.Builder desired = DesiredState.builder().revision(Revision.of("abc123", NOW.minusSeconds(3600)))
        .addHistory("abc123", "xyz789");
    java.util.List<Deployment> deployments = new java.util.ArrayList<>();
    for (String stage : java.util.List.of("dev", "staging")) {
      for (int i = 0; i < 11; i++) {
        Instance instance = Instance.builder().id(InstanceId.of(stage + "/us-east-1", "svc-" + i)).folder("svc")
            .sourceDigest("tree-2").configDigest("cfg-" + i)
            .dependsOn(i % 3 == 0 ? java.util.List.of() : java.util.List.of(InstanceId.of(stage + "/us-east-1", "svc-" + (i - 1))))
            .build();
        desired.addInstances(instance);
        if (i % 2 == 0) {
          deployments.add(Deployment.builder().at(NOW.minusSeconds(7200)).instance(instance.id()).folder("svc")
              .revision("xyz789").sourceDigest("tree-1").configDigest("cfg-" + i).outcome(Outcome.SUCCESS).build());
        }
      }
    }
    return RolloutPlanner.of(pipeline).withLedger(Ledger.of(deployments.toArray(Deployment[]::new))).at(NOW)
        .plan(desired.build());
  }

  @Test
  void print_actionsRenderedInRunsOnThreads_writesWhatTheTreeWrites() {
    RolloutPlan plan = widePlan();
    java.io.StringWriter tree = new java.io.StringWriter();
    Json.print(PlanJson.of(plan), new java.io.PrintWriter(tree));
    assertThat(plan.environments()).allSatisfy(e -> assertThat(e.actions()).hasSize(11));
    assertThat(tree.toString()).contains("\"from_revision\"", "\"wave\": 2", "\"kind\": \"update\"");

    for (int run : new int[] {1, 2, 3, 10, 11, 2048}) {
      for (int threads : new int[] {1, 2, 3}) {
        java.io.StringWriter streamed = new java.io.StringWriter();
        PlanJson.print(plan, new java.io.PrintWriter(streamed), run, threads);
        assertThat(streamed.toString()).as("runs of %d on %d threads", run, threads).isEqualTo(tree.toString());
      }
    }
  }

  @Test
  void githubMatrix_next_oneIncludeEntryPerAction() {
    assertThat(Json.compact(PlanJson.githubMatrix(plan()))).isEqualTo(
        "{\"include\":[{\"environment\":\"dev\",\"stack\":\"dev/us-east-1\",\"component\":\"vpc\","
            + "\"folder\":\"vpc\",\"kind\":\"create\",\"wave\":1}]}");
  }

  static String expected(String resource) throws IOException {
    try (InputStream in = PlanJsonTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
