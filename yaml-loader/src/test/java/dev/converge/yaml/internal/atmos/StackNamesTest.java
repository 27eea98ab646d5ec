package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StackNamesTest {

  private static final String PATTERN = "{tenant}-{environment}-{stage}";

  @Test
  void pattern_namesFromVars_keepingOnlyAtmosTokens() {
    StackNames.Patterns patterns = new StackNames.Patterns("{namespace}-{foo}-{stage}");

    StackNames.Name name = patterns.name("deploy/dev", Map.of("namespace", "acme", "foo", "x", "stage", "dev"));

    assertThat(name.value()).isEqualTo("acme-dev");
    assertThat(name.source()).isEqualTo(StackNames.Source.PATTERN);
    assertThat(new StackNames.Patterns("{foo}-{bar}").name("deploy/dev", Map.of("foo", "x"))).isNull();
  }

  @Test
  void pattern_missingOrNonStringVar_fallsBackToTheFileName_withTheReason() {
    StackNames.Patterns patterns = new StackNames.Patterns(PATTERN);

    StackNames.Name missing = patterns.name("deploy/dev", Map.of("tenant", "t", "stage", "dev"));
    StackNames.Name number = patterns.name("deploy/dev", Map.of("tenant", "t", "environment", 7, "stage", "dev"));

    assertThat(missing.value()).isEqualTo("deploy/dev");
    assertThat(missing.source()).isEqualTo(StackNames.Source.FILE);
    assertThat(missing.fallbackReason()).contains("name_pattern `" + PATTERN + "` needs vars.environment as a string");
    assertThat(number.fallbackReason()).isEqualTo(missing.fallbackReason());
  }

  /**
   * The namer remembers the last name; whatever the sequence of files and values (equal values as
   * the same objects or as copies, as a stack's components and an overriding component give them),
   * each name is the one a fresh namer gives.
   */
  @Test
  void pattern_remembering_givesWhatAFreshNamerGives_inAnySequence() {
    List<String> files = List.of("deploy/a", "deploy/b");
    List<String> values = List.of("dev", "prod", "");
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      StackNames.Patterns remembering = new StackNames.Patterns(PATTERN);
      for (int step = 0; step < 30; step++) {
        String file = files.get(random.nextInt(files.size()));
        Map<String, Object> vars = new HashMap<>();
        for (String token : List.of("tenant", "environment", "stage")) {
          int pick = random.nextInt(values.size() + 1);
          if (pick < values.size()) {
            String value = values.get(pick);
            vars.put(token, random.nextBoolean() ? value : new String(value)); // the same object or a copy
          }
        }
        StackNames.Name expected = new StackNames.Patterns(PATTERN).name(file, vars);
        assertThat(remembering.name(file, vars)).as("seed %d step %d: %s %s", seed, step, file, vars)
            .isEqualTo(expected);
      }
    }
    assertThat(new StackNames.Patterns(PATTERN).name("f", Map.of("tenant", "t", "environment", "e", "stage", "s"))
        .fallbackReason()).isEqualTo(Optional.empty());
  }
}
