package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes that are not text and characters YAML forbids (issue 18): each is a problem at the file,
 * line and column of the first bad byte, in every YAML file the loader reads, in the working tree
 * and at a git revision; never replacement characters loaded as values.
 */
class HostileTextTest {

  @TempDir
  Path dir;

  private static final String STACK = "vars: {stage: dev, region: r}\ncomponents: {terraform: {vpc: {}}}\n";

  /** {@code before}, the bytes FF FE (a UTF-16 byte order mark, never UTF-8), then {@code after}. */
  private static byte[] withBadBytes(String before, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Problem only(List<Problem> problems, String rule) {
    assertThat(problems).as(problems.toString()).filteredOn(p -> p.rule().equals(rule)).hasSize(1);
    return problems.stream().filter(p -> p.rule().equals(rule)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"stacks/deploy/dev.yaml", "stacks/catalog/vpc.yaml", "stacks/mixins/region.yaml",
      "atmos.yaml", "vendor.yaml", "rollout.yaml"})
  void load_invalidUtf8InAnyYamlFile_isAProblemAtItsFirstBadByte(String file) {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/deploy/dev.yaml", "import: [catalog/vpc, mixins/region]\n" + STACK)
        .write("stacks/catalog/vpc.yaml", "components: {terraform: {vpc: {vars: {a: 1}}}}\n")
        .write("stacks/mixins/region.yaml", "vars: {region: r}\n")
        .write("vendor.yaml", "apiVersion: atmos/v1\nkind: AtmosVendorConfig\nspec: {sources: []}\n")
        .write("rollout.yaml", "environments:\n  dev: {stacks: [\"dev/*\"]}\n");
    String before = file.equals("atmos.yaml") ? RepoFiles.ATMOS_YAML + "# a comment ab" : "# first line\n  # a\u00e9\u20ac";
    files.writeBytes(file, withBadBytes(before, "\nvars: {}\n"));
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.codePointCount(before.lastIndexOf('\n') + 1, before.length()) + 1;

    Problem problem = only(BadInputTest.problemsOf(files), "invalid-utf8");

    assertThat(problem.isError()).isTrue();
    assertThat(problem.location().orElseThrow().render()).isEqualTo(file + ":" + line + ":" + column);
    assertThat(problem.message()).contains("not UTF-8").contains("0xFF");
  }

  @Test
  void load_invalidUtf8AtARevision_isAProblemAtItsFirstBadByte() {
    RepoFiles files = RepoFiles.in(dir).writeBytes("stacks/deploy/dev.yaml",
        withBadBytes(STACK + "settings:\n  note: \"x", "\"\n"));
    RevCommit commit = files.commit("bad bytes");
    files.write("stacks/deploy/dev.yaml", STACK); // the working tree is fine; the revision is not

    assertThat(files.load().desiredState().instances()).isNotEmpty();
    assertThatThrownBy(() -> AtmosRepository.open(files.root()).load(commit.name()))
        .isInstanceOfSatisfying(ConvergeException.class, e -> assertThat(
            only(e.problems(), "invalid-utf8").location().orElseThrow().render())
            .isEqualTo("stacks/deploy/dev.yaml:4:11"));
  }

  @Test
  void load_invalidUtf8InAnIncludedFile_isAProblemInThatFile() {
    RepoFiles files = RepoFiles.in(dir)
        .write("stacks/deploy/dev.yaml", STACK + "settings: !include stacks/catalog/extra.yaml\n")
        .writeBytes("stacks/catalog/extra.yaml", withBadBytes("a: 1\nb: ", "\n"));

    assertThat(only(BadInputTest.problemsOf(files), "invalid-utf8").location().orElseThrow().render())
        .isEqualTo("stacks/catalog/extra.yaml:2:4");
  }

  @Test
  void load_truncatedMultiByteSequenceAtTheEnd_isAProblem() {
    byte[] euro = "vars: {stage: dev, region: r}\n# \u20ac".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(euro, euro.length - 1);
    RepoFiles files = RepoFiles.in(dir).writeBytes("stacks/deploy/dev.yaml", cut);

    assertThat(only(BadInputTest.problemsOf(files), "invalid-utf8").location().orElseThrow().render())
        .isEqualTo("stacks/deploy/dev.yaml:2:3");
  }

  @Test
  void load_validUtf8WithByteOrderMarkAndMultiByteCharacters_loads() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml",
        "\uFEFF" + STACK + "settings: {note: \"d\u00e9j\u00e0 \u20ac \uD83D\uDE80\"}\n");

    assertThat(files.load().desiredState().instances()).isNotEmpty();
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(ints = {0x0, 0x1, 0x1B, 0xFFFF})
  void load_forbiddenCharacter_isAProblemAtItsLineAndColumn(int codePoint) {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml",
        STACK + "settings:\n  note: \"\uD83D\uDE80x" + Character.toString(codePoint) + "\"\n");

    Problem problem = only(BadInputTest.problemsOf(files), "yaml-syntax");

    assertThat(problem.location().orElseThrow().render()).isEqualTo("stacks/deploy/dev.yaml:4:12");
    assertThat(problem.message()).contains("special characters are not allowed")
        .contains(String.format("U+%04X", codePoint));
  }

  @Test
  void load_forbiddenCharacterFarIntoALargeFile_isAtItsLine() {
    StringBuilder text = new StringBuilder(STACK).append("settings:\n");
    for (int i = 0; i < 3000; i++) {
      text.append("  k").append(i).append(": v\r\n");
    }
    text.append("  bad: \u0007\n");
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", text.toString());

    assertThat(only(BadInputTest.problemsOf(files), "yaml-syntax").location().orElseThrow().render())
        .isEqualTo("stacks/deploy/dev.yaml:3004:8");
  }

  @Test
  void load_stacksBasePathLeavingTheRepository_isAtTheValue() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", STACK)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("base_path: stacks", "base_path: ../../elsewhere"));

    Problem problem = only(BadInputTest.problemsOf(files), "path-outside-repository");

    assertThat(problem.location().orElseThrow().render()).isEqualTo("atmos.yaml:3:14");
  }

  @Test
  void load_stacksBasePathOfTheWrongType_isAtThatKeyNotTheTopLevelOne() {
    RepoFiles files = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", STACK)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("base_path: stacks", "base_path: [stacks]"));

    Problem problem = only(BadInputTest.problemsOf(files), "type-mismatch");

    assertThat(problem.location().orElseThrow().render()).isEqualTo("atmos.yaml:3:3");
    assertThat(problem.message()).contains("stacks.base_path");
  }
}
