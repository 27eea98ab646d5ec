package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void embeddingPlanner_devRunsFirst() {
    assertThat(EmbeddingPlanner.whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")))
        .containsExactly("dev dev/us-east-1 vpc update");
  }
}
