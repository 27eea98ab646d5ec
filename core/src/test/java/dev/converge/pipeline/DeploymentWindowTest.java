package dev.converge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentWindowTest {

  @Nested
  class Parse {

    @Test
    void parse_rangeTimesZone_allParts() {
      DeploymentWindow window = DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC");

      assertThat(window.days()).containsExactly(
          DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
      assertThat(window.start()).isEqualTo(LocalTime.of(9, 0));
      assertThat(window.end()).isEqualTo(LocalTime.of(16, 0));
      assertThat(window.zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(window.render()).isEqualTo("Mon-Thu 09:00-16:00 UTC");
    }

    @Test
    void parse_wrappingRangeAndList_days() {
      assertThat(DeploymentWindow.parse("Fri-Mon 22:00-02:00 Europe/Berlin").days())
          .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
      assertThat(DeploymentWindow.parse("Mon,Wed,Fri 9:00-10:00").days())
          .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
      assertThat(DeploymentWindow.parse("daily 00:00-06:00").days()).hasSize(7);
    }

    @Test
    void parse_badDay_namesTheDayAndTheChoices() {
      assertThatThrownBy(() -> DeploymentWindow.parse("Mon-Thr 09:00-16:00 UTC"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'Thr' is not a day").hasMessageContaining("Thu");
    }

    @Test
    void parse_badShape_showsTheExpectedForm() {
      assertThatThrownBy(() -> DeploymentWindow.parse("weekdays"))
          .hasMessageContaining("'Mon-Thu 09:00-16:00 UTC'");
    }

    @Test
    void parse_unknownZone_namesIt() {
      assertThatThrownBy(() -> DeploymentWindow.parse("Mon 09:00-10:00 Mars/Olympus"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mars/Olympus");
    }
  }

  @ParameterizedTest(name = "{0} in ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "2026-11-26T09:00:00Z | Mon-Thu 09:00-16:00 UTC | true",
      "2026-11-26T15:59:59Z | Mon-Thu 09:00-16:00 UTC | true",
      "2026-11-26T16:00:00Z | Mon-Thu 09:00-16:00 UTC | false",
      "2026-11-27T10:00:00Z | Mon-Thu 09:00-16:00 UTC | false",
      // across midnight: Friday 22:00 to Saturday 02:00, and Saturday's own night
      "2026-11-27T23:30:00Z | Fri-Sat 22:00-02:00 UTC | true",
      "2026-11-28T01:59:00Z | Fri-Sat 22:00-02:00 UTC | true",
      "2026-11-29T01:00:00Z | Fri-Sat 22:00-02:00 UTC | true",
      "2026-11-29T03:00:00Z | Fri-Sat 22:00-02:00 UTC | false",
      "2026-11-27T01:00:00Z | Fri-Sat 22:00-02:00 UTC | false",
      // local time in New York (UTC-5 in November)
      "2026-11-26T14:00:00Z | Mon-Thu 09:00-16:00 America/New_York | true",
      "2026-11-26T13:59:00Z | Mon-Thu 09:00-16:00 America/New_York | false",
  })
  void contains_instant_matchesLocalWallClock(String instant, String spec, boolean inside) {
    assertThat(DeploymentWindow.parse(spec).contains(Instant.parse(instant))).isEqualTo(inside);
  }

  @ParameterizedTest(name = "after {0} ''{1}'' opens at {2}")
  @CsvSource(delimiter = '|', value = {
      "2026-11-26T17:00:00Z | Mon-Thu 09:00-16:00 UTC | 2026-11-30T09:00:00Z",
      "2026-11-26T10:00:00Z | Mon-Thu 09:00-16:00 UTC | 2026-11-26T10:00:00Z",
      "2026-11-26T08:00:00Z | Mon-Thu 09:00-16:00 UTC | 2026-11-26T09:00:00Z",
      "2026-11-27T12:00:00Z | Fri-Sat 22:00-02:00 UTC | 2026-11-27T22:00:00Z",
      // DST: Berlin switches to summer time on 2026-03-29; 09:00 local is 08:00Z before, 07:00Z after
      "2026-03-27T12:00:00Z | Mon 09:00-10:00 Europe/Berlin | 2026-03-30T07:00:00Z",
      "2026-03-20T12:00:00Z | Mon 09:00-10:00 Europe/Berlin | 2026-03-23T08:00:00Z",
      // a window opening inside the skipped hour (02:30 on 2026-03-29) opens when the clocks resume
      "2026-03-28T12:00:00Z | Sun 02:30-04:00 Europe/Berlin | 2026-03-29T01:30:00Z",
  })
  void nextOpen_instant_firstOpeningAtOrAfter(String instant, String spec, String expected) {
    assertThat(DeploymentWindow.parse(spec).nextOpen(Instant.parse(instant))).isEqualTo(Instant.parse(expected));
  }
}
