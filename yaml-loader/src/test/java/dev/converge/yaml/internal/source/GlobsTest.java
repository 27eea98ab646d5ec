package dev.converge.yaml.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GlobsTest {

  private static boolean matches(String glob, String path) {
    Pattern p = Globs.compile(glob);
    return p.matcher(path).matches();
  }

  @Test
  void star_staysInOneSegment() {
    assertThat(matches("stacks/deploy/*.yaml", "stacks/deploy/dev.yaml")).isTrue();
    assertThat(matches("stacks/deploy/*.yaml", "stacks/deploy/eu/dev.yaml")).isFalse();
  }

  @Test
  void doubleStar_crossesSegmentsAndMatchesNone() {
    assertThat(matches("stacks/**/*.yaml", "stacks/dev.yaml")).isTrue();
    assertThat(matches("stacks/**/*.yaml", "stacks/a/b/dev.yaml")).isTrue();
    assertThat(matches("**/_defaults.yaml", "stacks/orgs/_defaults.yaml")).isTrue();
  }

  @Test
  void questionMarkClassesAndAlternatives() {
    assertThat(matches("service-?.*", "service-1.yaml")).isTrue();
    assertThat(matches("aws-[ab].yaml", "aws-c.yaml")).isFalse();
    assertThat(matches("{dev,prod}.yaml", "prod.yaml")).isTrue();
  }

  @Test
  void normalize_resolvesDotsAndKeepsClimbing() {
    assertThat(RepoPaths.normalize("./stacks/orgs/../catalog//vpc")).isEqualTo("stacks/catalog/vpc");
    assertThat(RepoPaths.normalize("stacks/../../x")).isEqualTo("../x");
    assertThat(RepoPaths.leavesRoot(RepoPaths.normalize("a/../../b"))).isTrue();
  }
}
