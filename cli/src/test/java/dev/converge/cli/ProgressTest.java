package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.yaml.LoadProgress.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final AtomicLong clock = new AtomicLong(1_000);
  private final StringWriter screen = new StringWriter();
  private final Progress progress = new Progress(new PrintWriter(screen), clock::get);

  private void after(long seconds) {
    clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void draw_beforeTwoSeconds_nothing() {
    progress.advanced(Stage.MANIFESTS, 3, 10);
    after(1);
    progress.draw();

    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void draw_afterTwoSeconds_oneLineRewrittenInPlace() {
    progress.advanced(Stage.MANIFESTS, 812, 1210);
    after(2);
    progress.draw();
    progress.advanced(Stage.MANIFESTS, 1210, 1210);
    progress.advanced(Stage.COMPONENTS, 4000, 100000);
    progress.draw();

    assertThat(screen.toString()).isEqualTo("\rconverge: loading stacks, 812/1,210 manifests"
        + "\rconverge: loading stacks, 1,210/1,210 manifests, 4,000/100,000 components");
  }

  @Test
  void advanced_outOfOrderFromSeveralThreads_keepsTheLargest() {
    progress.advanced(Stage.COMPONENTS, 900, 1000);
    progress.advanced(Stage.COMPONENTS, 600, 1000);

    assertThat(progress.line()).endsWith("900/1,000 components");
  }

  @Test
  void planning_shorterLineThanBefore_paddedOverTheOldOne() {
    progress.advanced(Stage.MANIFESTS, 1210, 1210);
    progress.advanced(Stage.COMPONENTS, 100000, 100000);
    after(3);
    progress.draw();
    int before = screen.toString().length() - 1;
    progress.planning(50000);
    progress.draw();

    String last = screen.toString().substring(screen.toString().lastIndexOf('\r') + 1);
    assertThat(last).startsWith("converge: planning 50,000 instances").hasSize(before);
    assertThat(last.strip()).isEqualTo("converge: planning 50,000 instances");
  }

  @Test
  void close_afterALine_clearsItAndDrawsNoMore() {
    progress.advanced(Stage.MANIFESTS, 1, 2);
    after(5);
    progress.draw();
    int drawn = screen.toString().length() - 1;
    progress.close();
    progress.draw();

    assertThat(screen.toString()).endsWith("\r" + " ".repeat(drawn) + "\r");
  }

  @Test
  void clearedBefore_firstOutput_clearsTheLineThenWrites() {
    progress.advanced(Stage.MANIFESTS, 1, 2);
    after(5);
    progress.draw();
    StringWriter stdout = new StringWriter();
    PrintWriter out = new PrintWriter(progress.clearedBefore(stdout), true);
    out.print("{}");
    out.flush();
    progress.draw();

    assertThat(stdout.toString()).isEqualTo("{}");
    assertThat(screen.toString()).endsWith("\r" + " ".repeat("converge: loading stacks, 1/2 manifests".length()) + "\r");
  }

  @Test
  void forProcess_offATerminalOrTurnedOff_drawsNothing() {
    PrintWriter err = new PrintWriter(screen);

    assertThat(Progress.forProcess(false, Map.of(), err)).isSameAs(Progress.OFF);
    assertThat(Progress.forProcess(true, Map.of("CONVERGE_PROGRESS", "0"), err)).isSameAs(Progress.OFF);
    try (Progress forced = Progress.forProcess(false, Map.of("CONVERGE_PROGRESS", "1"), err)) {
      assertThat(forced).isNotSameAs(Progress.OFF);
    }
    Progress.OFF.advanced(Stage.MANIFESTS, 1, 1);
    Progress.OFF.draw();
    assertThat(screen.toString()).isEmpty();
  }
}
