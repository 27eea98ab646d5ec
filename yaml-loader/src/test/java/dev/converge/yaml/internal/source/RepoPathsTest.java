package dev.converge.yaml.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepoPathsTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(delimiter = '|', emptyValue = "''", value = {
      "''|''",
      "a|a",
      "a/b/c.yaml|a/b/c.yaml",
      ".a/b..|.a/b..",
      "a/..b/...|a/..b/...",
      "./a|a",
      "a/./b|a/b",
      "a//b|a/b",
      "/a|a",
      "a/|a",
      ".|''",
      "..|..",
      "../a|../a",
      "../../a/b|../../a/b",
      "a/../b|b",
      "a/../../b|../b",
      "a\\b|a/b",
      "stacks/catalog/../deploy/dev.yaml|stacks/deploy/dev.yaml"})
  void normalize_givenPath_resolvesSegments(String path, String expected) {
    String normalized = RepoPaths.normalize(path.equals("''") ? "" : path);

    assertThat(normalized).isEqualTo(expected.equals("''") ? "" : expected);
    assertThat(RepoPaths.normalize(normalized)).isEqualTo(normalized);
  }
}
