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
