package dev.converge.yaml.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict JSON, as Go's {@code json.Unmarshal} accepts it. */
class JsonTextTest {

  private static final Object NOT_JSON = new Object();

  @Test
  void parseOr_values_asGoDecodesThem() {
    assertThat(JsonText.parseOr(" {\"a\": [1, 2.5, -3e2, true, null], \"b\": {}} ", NOT_JSON))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, -300.0, true, null), "b", Map.of()));
    assertThat(JsonText.parseOr("\"\\u00e9\\n\\/\"", NOT_JSON)).isEqualTo("é\n/");
    assertThat(JsonText.parseOr("[]", NOT_JSON)).isEqualTo(List.of());
    assertThat(JsonText.parseOr("null", NOT_JSON)).isNull();
    assertThat(JsonText.parseOr("{\"k\": 1, \"k\": 2}", NOT_JSON)).isEqualTo(Map.of("k", 2L));
    assertThat(JsonText.parseOr("12345678901234567890", NOT_JSON)).isEqualTo(1.2345678901234567e19);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{this is not valid json}", "{a: 1}", "[1, 2,]", "01", "1.", "'x'", "\"a\" \"b\"",
      "tru", "{\"a\" 1}", "\"\\x\"", "\"tab\there\"", "[1", "hello-world", "- a"})
  void notJson_isRefused(String text) {
    assertThat(JsonText.isJson(text)).isFalse();
    assertThat(JsonText.parseOr(text, NOT_JSON)).isSameAs(NOT_JSON);
  }

  @Test
  void deepNesting_isRefused_notAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(JsonText.isJson(deep)).isFalse();
    assertThat(JsonText.isJson("[".repeat(50) + "]".repeat(50))).isTrue();
  }
}
