package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.plan.Gate;
import dev.converge.plan.GateState;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void embeddingPlanner_devRunsFirst() {
    assertThat(EmbeddingPlanner.whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")))
        .containsExactly("dev dev/us-east-1 vpc update");
  }

  @Test
  void readme_prodWaitsUpstream_withReasonsAndEarliestInstant() {
    RolloutPlan plan = EmbeddingPlanner.plan(Instant.parse("2026-11-27T10:00:00Z"));

    Gate prod = plan.environment("prod").orElseThrow().gate();
    assertThat(prod.state()).isEqualTo(GateState.WAITING_UPSTREAM);
    assertThat(prod.reasons()).isNotEmpty();
    assertThat(plan.environment("prod").orElseThrow().earliestAt()).isPresent();
    assertThat(PlanText.render(plan)).contains("prod").contains("waiting_upstream");
  }
}
