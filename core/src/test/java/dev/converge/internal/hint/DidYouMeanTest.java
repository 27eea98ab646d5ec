package dev.converge.internal.hint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  static final List<String> KEYS = List.of("depends_on", "checks", "soak", "approvals", "max_parallel");

  @Test
  void closest_typo_suggestsTheKnownWord() {
    assertThat(DidYouMean.closest("depend_on", KEYS)).hasValue("depends_on");
    assertThat(DidYouMean.closest("Aprovals", KEYS)).hasValue("approvals");
  }

  @Test
  void closest_farFromEverything_nothing() {
    assertThat(DidYouMean.closest("windows", KEYS)).isEmpty();
  }

  @Test
  void closest_wordItself_neverSuggested() {
    assertThat(DidYouMean.closest("soak", List.of("soak"))).isEmpty();
  }

  @Test
  void hint_typo_sentenceFragment() {
    assertThat(DidYouMean.hint("chekcs", KEYS)).isEqualTo("; did you mean `checks`?");
    assertThat(DidYouMean.hint("zzz", KEYS)).isEmpty();
  }
}
