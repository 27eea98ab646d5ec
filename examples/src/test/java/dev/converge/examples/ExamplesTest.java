package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.plan.RolloutPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void seedStory_tellsTheTimelineAndConverges() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RolloutPlan last = new SeedStory(new PrintStream(bytes, true, StandardCharsets.UTF_8)).tell();
    String story = bytes.toString(StandardCharsets.UTF_8);

    assertThat(last.isConverged()).isTrue();
    assertThat(story)
        .contains("=== Time 0", "=== Time +30min", "=== Time +2h", "=== Time +2h05: convergence achieved")
        .contains("staging  soaking until 2026-11-26T10:30:00Z")
        .endsWith("Next: nothing; every environment is done.\n\n");
    assertThat(story.indexOf("deployed prod/us-east-1:vpc")).as("vpc before eks, which depends on it")
        .isPositive().isLessThan(story.indexOf("deployed prod/us-east-1:eks"));
  }

  @Test
  void embeddingPlanner_devRunsFirst() {
    assertThat(EmbeddingPlanner.whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")))
        .containsExactly("dev dev/us-east-1 vpc update");
  }
}
