package dev.converge.runner.internal.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.runner.PlanSummary;
import org.junit.jupiter.api.Test;

class PlanJsonTest {

  private static String change(String actions) {
    return "{\"address\":\"x\",\"change\":{\"actions\":" + actions + "}}";
  }

  @Test
  void summarise_everyKindOfChange_countsEach() {
    String json = "{\"format_version\":\"1.2\",\"resource_changes\":[" + String.join(",",
        change("[\"create\"]"), change("[\"create\"]"), change("[\"update\"]"), change("[\"delete\"]"),
        change("[\"delete\",\"create\"]"), change("[\"create\",\"delete\"]"), change("[\"no-op\"]"), change("[\"read\"]"))
        + "]}";

    assertThat(PlanJson.summarise(json)).isEqualTo(PlanSummary.of(2, 1, 1, 2));
  }

  @Test
  void summarise_noResourceChanges_isNone() {
    assertThat(PlanJson.summarise("{\"format_version\":\"1.2\"}")).isEqualTo(PlanSummary.none());
  }

  @Test
  void summarise_notJson_throws() {
    assertThatThrownBy(() -> PlanJson.summarise("Error: no plan")).isInstanceOf(IllegalArgumentException.class);
  }
}
