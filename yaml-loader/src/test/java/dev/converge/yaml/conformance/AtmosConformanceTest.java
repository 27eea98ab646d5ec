package dev.converge.yaml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the Atmos conformance corpus (or, with {@code -Dconverge.conformance.dir=DIR}, any folder of
 * cases in the same format). Every case passes, or it is listed in {@code docs/atmos-compatibility.md}
 * as {@code `fixture/case-id`} with the reason.
 */
class AtmosConformanceTest {

  private static final Path CORPUS = Path.of(System.getProperty("converge.conformance.dir",
      "src/test/resources/conformance/atmos"));
  private static final Path COMPATIBILITY = Path.of("../docs/atmos-compatibility.md");

  @Test
  void corpus_everyCase_passesOrIsListedAsIncompatible() throws IOException {
    ConformanceReport report = ConformanceRunner.run(CORPUS);
    System.out.println(report.render());
    Set<String> listed = listedIncompatible();
    Set<String> failed = new TreeSet<>();
    report.failed().forEach(c -> failed.add(c.key()));
    assertThat(report.cases()).isNotEmpty();
    assertThat(failed).as(report.render()).isSubsetOf(listed);
  }

  @Test
  void compatibilityList_namesOnlyCasesThatFail() throws IOException {
    ConformanceReport report = ConformanceRunner.run(CORPUS);
    Set<String> passed = new TreeSet<>();
    report.cases().stream().filter(CaseResult::passed).forEach(c -> passed.add(c.key()));
    if (System.getProperty("converge.conformance.dir") == null) {
      assertThat(listedIncompatible()).as("cases listed as incompatible that pass").doesNotContainAnyElementsOf(passed);
    }
  }

  static Set<String> listedIncompatible() throws IOException {
    Set<String> listed = new TreeSet<>();
    if (!Files.exists(COMPATIBILITY)) {
      return listed;
    }
    Matcher m = Pattern.compile("`([a-z0-9-]+/[a-z0-9-]+)`").matcher(Files.readString(COMPATIBILITY));
    while (m.find()) {
      listed.add(m.group(1));
    }
    return listed;
  }

  @Test
  void paths_parseQuotedKeysAndIndexes() {
    assertThat(ConformanceRunner.Paths.parse("a.b[0][\"x.y\"].c/d"))
        .containsExactly("a", "b", 0, "x.y", "c/d");
    assertThat(List.of(1)).hasSize(1);
  }
}
