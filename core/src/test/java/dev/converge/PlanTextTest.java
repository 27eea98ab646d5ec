package dev.converge;

import static dev.converge.Fixtures.deployed;
import static dev.converge.Fixtures.env;
import static dev.converge.Fixtures.instance;
import static dev.converge.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text rendering, compared with a reviewed expected file beside the test. */
class PlanTextTest {

  @Test
  void render_seedTimeZero_matchesReviewedText() throws IOException {
    Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
    Pipeline pipeline = pipeline(
        env("dev").addChecks("smoke"),
        env("staging", "dev").soak(Duration.ofMinutes(30)).addChecks("integration"),
        env("prod", "staging").soak(Duration.ofHours(2)).approvals(1));
    Instance devVpc = instance("dev/us-east-1", "vpc", "2");
    Instance devEks = instance("dev/us-east-1", "eks", "1").withDependsOn(List.of(InstanceId.of("dev/us-east-1", "vpc")));
    DesiredState desired = DesiredState.builder()
        .revision(Revision.of("abc1234def", t0))
        .addInstances(devVpc, devEks.withSourceDigest("src-eks-2"), instance("staging/us-east-1", "vpc", "2"),
            instance("prod/us-east-1", "vpc", "2"))
        .build();
    Ledger ledger = Ledger.of(deployed(instance("dev/us-east-1", "vpc", "1"), "xyz7890abc", t0.minusSeconds(3600)),
        deployed(devEks, "xyz7890abc", t0.minusSeconds(3600)));

    RolloutPlan plan = RolloutPlanner.of(pipeline).withLedger(ledger).at(t0).plan(desired);

    assertThat(PlanText.render(plan)).isEqualTo(expected("plans/seed-time-zero.txt"));
  }

  private static String expected(String resource) throws IOException {
    try (InputStream in = PlanTextTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
