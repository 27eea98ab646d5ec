package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demo_tellsTheTimelineAndConverges() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo");

    String story = out.toString();
    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(story)
        .contains("=== Time 0", "=== Time +30min", "=== Time +2h", "=== Time +2h05: convergence achieved")
        .contains("staging  soaking until 2026-11-26T10:30:00Z")
        .endsWith("Next: nothing; every environment is done.\n\n");
    assertThat(story.indexOf("deployed prod/us-east-1:vpc")).as("vpc before eks, which depends on it")
        .isPositive().isLessThan(story.indexOf("deployed prod/us-east-1:eks"));
  }

  @Test
  void unknownCommand_exitsTwoWithUsage() {
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "deploy-everything");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument").contains("Usage: converge");
  }
}
