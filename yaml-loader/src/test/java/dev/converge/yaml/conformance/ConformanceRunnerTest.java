package dev.converge.yaml.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner is a feature: users point it at their own folders of cases. */
class ConformanceRunnerTest {

  @TempDir
  Path dir;

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void run_userCases_reportsPassesAndEveryMismatch() throws IOException {
    write("mine/repo/atmos.yaml", "stacks:\n  name_template: \"{{ .vars.stage }}\"\n");
    write("mine/repo/stacks/dev.yaml", "vars: {stage: dev}\ncomponents:\n  terraform:\n    vpc: {vars: {cidr: 10.0.0.0/16}}\n");
    write("mine/expected.yaml", """
        defaults: {kind: component, stack: dev, component: vpc}
        cases:
          - id: right
            expect:
              vars.cidr: 10.0.0.0/16
              workspace: dev
          - id: wrong
            expect:
              vars.cidr: 10.9.0.0/16
            expect_absent: [vars.stage]
        """);

    ConformanceReport report = ConformanceRunner.run(dir);

    assertThat(report.cases()).extracting(CaseResult::key).containsExactly("mine/right", "mine/wrong");
    assertThat(report.passedCount()).isEqualTo(1);
    assertThat(report.failed()).singleElement().satisfies(c -> assertThat(c.failures()).hasSize(2));
    assertThat(report.render()).contains("1 of 2 cases passed").contains("FAIL mine/wrong");
  }

  @Test
  void yamlEquals_typesMatter() {
    assertThat(ConformanceRunner.yamlEquals("2", 2L)).isFalse();
    assertThat(ConformanceRunner.yamlEquals(2L, 2)).isTrue();
    assertThat(ConformanceRunner.yamlEquals(java.util.Map.of(), java.util.Map.of())).isTrue();
  }
}
