package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmbeddingEngineTest {

  @Test
  void answers_experimentInDevProdBehind_everyQuestionAnswered() {
    assertThat(EmbeddingEngine.answers(Instant.parse("2026-11-27T10:00:00Z"))).containsExactly(
        "status vpc experiment",
        "lint warning settings-workspace-key-prefix",
        "lint error state-key-stability",
        "affected prod/us-east-1:vpc component folder vpc changed (1 file: main.tf)",
        "rollback prod/us-east-1:vpc to old4567",
        "forecast dev nothing to deploy",
        "forecast prod finishes 2026-11-27T10:10:00Z");
  }
}
