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

  @ParameterizedTest(name = "from \"{0}\" to \"{1}\" -> \"{2}\"")
  @CsvSource(delimiter = '|', emptyValue = "''", value = {
      "''|''|''",
      "''|a/b|a/b",
      "a/b|''|../..",
      "a/b|a/b|''",
      "a/b|a/c/d|../c/d",
      "a/bc|a/b|../b",
      "rootfs/usr/local/etc/atmos|stacks|../../../../../stacks"})
  void relative_betweenFolders_climbsToTheCommonAncestor(String from, String to, String expected) {
    String relative = RepoPaths.relative(blank(from), blank(to));

    assertThat(relative).isEqualTo(blank(expected));
    assertThat(RepoPaths.join(blank(from), relative)).isEqualTo(blank(to));
  }

  @ParameterizedTest(name = "\"{0}\" and \"{1}\" -> \"{2}\"")
  @CsvSource(delimiter = '|', emptyValue = "''", value = {
      "''|a|''",
      "a/b|a/b/c|a/b",
      "a/bc|a/b|a",
      "x/y|z|''"})
  void commonAncestor_twoPaths_deepestSharedFolder(String a, String b, String expected) {
    assertThat(RepoPaths.commonAncestor(blank(a), blank(b))).isEqualTo(blank(expected));
    assertThat(RepoPaths.commonAncestor(blank(b), blank(a))).isEqualTo(blank(expected));
  }

  private static String blank(String value) {
    return value.equals("''") ? "" : value;
  }
}
