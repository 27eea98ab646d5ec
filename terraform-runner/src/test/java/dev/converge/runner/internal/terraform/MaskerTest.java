package dev.converge.runner.internal.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.runner.RunnerOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MaskerTest {

  private static final Pattern SENSITIVE = Pattern.compile(RunnerOptions.DEFAULT_SENSITIVE_NAMES);

  @Test
  void mask_valueOfSensitiveVar_isReplaced() {
    Masker masker = Masker.of(SENSITIVE, Set.of(), List.of(Map.of("db_password", "hunter22", "name", "vpc")));

    assertThat(masker.mask("password=hunter22 name=vpc")).isEqualTo("password=*** name=vpc");
  }

  @Test
  void mask_nestedValues_areAllReplaced() {
    Masker masker = Masker.of(SENSITIVE, Set.of(),
        List.of(Map.of("API_TOKENS", Map.of("a", List.of("tok-one", "tok-two")))));

    assertThat(masker.mask("tok-one tok-two")).isEqualTo("*** ***");
  }

  @Test
  void mask_secretContainingAnother_isMaskedWhole() {
    Masker masker = Masker.of(SENSITIVE, Set.of("abcd", "abcdefgh"), List.of());

    assertThat(masker.mask("abcdefgh")).isEqualTo("***");
  }

  @Test
  void mask_veryShortValues_areLeftAlone() {
    Masker masker = Masker.of(SENSITIVE, Set.of(), List.of(Map.of("secret_flag", "1")));

    assertThat(masker.mask("1 resource")).isEqualTo("1 resource");
  }

  @Test
  void mask_nameMatchingIsCaseInsensitive() {
    Masker masker = Masker.of(SENSITIVE, Set.of(), List.of(Map.of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI")));

    assertThat(masker.mask("key wJalrXUtnFEMI")).isEqualTo("key ***");
  }
}
