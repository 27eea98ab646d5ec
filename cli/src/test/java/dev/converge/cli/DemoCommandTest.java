package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  static final Path EXAMPLE = Path.of("..", "examples", "infra");

  @TempDir
  Path dir;

  @Test
  void demo_exampleEstate_tellsTheTimelineAndConverges() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "demo", "--example", EXAMPLE.toString(), "--workdir", dir.toString());

    String story = out.toString();
    assertThat(exit).as(err.toString()).isZero();
    assertThat(story)
        .contains("=== Time 0", "=== Time +30min", "=== Time +2h", "=== Time +2h15: convergence achieved")
        .contains("staging  soaking until 2026-11-26T10:30:00Z")
        .containsPattern("eks +operational")
        .contains("Next: nothing; every environment is done.")
        .contains("=== The forecast made at Time 0")
        .contains("Converged by 2026-11-26T")
        .containsPattern("prod  finishes 2026-11-26T")
        .contains("approval from 2026-11-26T")
        .contains("The story converged at 2026-11-26T12:02:00Z");
    assertThat(story.indexOf("=== The forecast made at Time 0")).as("the story ends with the forecast")
        .isGreaterThan(story.indexOf("=== Time +2h15"));
    assertThat(story.indexOf("deployed prod/us-east-1:eks")).as("prod us-east-1 before eu-west-1")
        .isPositive().isLessThan(story.indexOf("deployed prod/eu-west-1:eks"));
    // 36 deployments at the first commit, 6 of eks at the second, 2 checks and 1 approval
    assertThat(Files.readAllLines(dir.resolve("ledger.jsonl"))).hasSize(45);
    // and it ends with the report's path; the page shows the converged estate
    assertThat(story.strip()).endsWith("Report: " + dir.resolve("report.html") + " (one self-contained page: open it in a browser)");
    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report).contains("Every environment has converged.", "<caption>The newest 20 records, newest first</caption>")
        .contains("class=\"badge gate-done\">done</span>");
  }

  @Test
  void demo_missingExample_exitsTwoSayingWhatToDo() {
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "demo", "--example", dir.resolve("nowhere").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("has no atmos.yaml").contains("--example");
  }

  @Test
  void unknownCommand_exitsTwoWithUsage() {
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "deploy-everything");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("Usage: converge");
  }
}
