package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PropertyCheckTest {

  @Test
  void holds_sized_failingCaseReportedAtTheSmallestFailingSizeWithItsSeed() {
    int[] sizesTried = new int[9];

    assertThatThrownBy(() -> PropertyCheck.holds(size -> {
      sizesTried[size]++;
      return ScenarioGenerator.withSeed(7).maxComponents(size).scenario();
    }, 8, s -> assertThat(s.desired().instances().stream().map(i -> i.component()).distinct().count())
        .as("components").isLessThan(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("size ")
        .hasMessageContaining("property failed for seed 7; smallest failing case:");
    assertThat(sizesTried[8]).as("the full size first").isEqualTo(1);
    assertThat(sizesTried[1]).as("then from the smallest up").isEqualTo(1);
  }

  @Test
  void holds_sized_passingProperty_generatesOnlyTheFullSize() {
    int[] generated = {0};

    PropertyCheck.holds(size -> {
      generated[0]++;
      return ScenarioGenerator.withSeed(7).maxComponents(size).scenario();
    }, 8, s -> assertThat(s.seed()).isEqualTo(7));

    assertThat(generated[0]).isEqualTo(1);
  }
}
