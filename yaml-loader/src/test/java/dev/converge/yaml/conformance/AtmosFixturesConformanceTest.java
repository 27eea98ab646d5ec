package dev.converge.yaml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the cases taken from Atmos's own {@code examples/} and {@code tests/fixtures/scenarios/}
 * ({@code src/test/resources/conformance/atmos-fixtures}). Every case passes, or it is listed in the
 * section "Atmos's own fixtures" of {@code docs/atmos-compatibility.md} as {@code `fixture/case-id`}
 * with the reason; a listed case that passes fails the test, so the list stays true.
 */
class AtmosFixturesConformanceTest {

  private static final Path CORPUS = Path.of("src/test/resources/conformance/atmos-fixtures");
  private static final Path COMPATIBILITY = Path.of("../docs/atmos-compatibility.md");
  private static final String SECTION = "## Atmos's own fixtures";

  @Test
  void fixtures_everyCase_passesOrIsListed_andNoListedCasePasses() throws IOException {
    ConformanceReport report = ConformanceRunner.run(CORPUS);
    System.out.println(report.render());
    Set<String> failed = new TreeSet<>();
    Set<String> passed = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    report.cases().forEach(c -> {
      all.add(c.key());
      (c.passed() ? passed : failed).add(c.key());
    });
    Set<String> listed = listed();
    assertThat(report.cases()).hasSizeGreaterThanOrEqualTo(30);
    // the issue asks for at least 30 fixtures beyond the shared corpus
    assertThat(report.cases().stream().map(c -> c.fixture()).distinct().count()).isGreaterThanOrEqualTo(30);
    assertThat(failed).as(report.render()).isSubsetOf(listed);
    assertThat(listed).as("listed cases that pass").doesNotContainAnyElementsOf(passed);
    assertThat(listed).as("listed cases that do not exist").isSubsetOf(all);
  }

  /** The {@code `fixture/case`} keys of the section on Atmos's own fixtures, up to the next section. */
  static Set<String> listed() throws IOException {
    String doc = Files.readString(COMPATIBILITY);
    int start = doc.indexOf(SECTION);
    assertThat(start).as("section " + SECTION).isNotNegative();
    int end = doc.indexOf("\n## ", start + SECTION.length());
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("`([a-z0-9-]+/[a-z0-9-]+)`").matcher(section);
    while (m.find()) {
      listed.add(m.group(1));
    }
    return listed;
  }
}
