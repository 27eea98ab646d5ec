package dev.converge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"30s, PT30S", "45m, PT45M", "2h, PT2H", "7d, PT168H", "PT2H, PT2H", "pt90m, PT1H30M"})
  void parse_shortAndIsoForms(String text, String iso) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2 hours", "1w", "-PT1H", ""})
  void parse_other_failsNamingTheForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(" + text + ")");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"PT30S, 30s", "PT45M, 45m", "PT2H, 2h", "PT168H, 7d", "PT90M, 90m", "PT0S, 0s"})
  void format_shortestExactForm(String iso, String text) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
  }
}
