package dev.converge.cli;

import dev.converge.yaml.LoadProgress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.LongSupplier;

/**
 * One line on stderr, rewritten in place, for loads and plans that take more than a couple of
 * seconds: stack manifests read, components built, instances being planned. Only on a terminal
 * (never in CI logs or when stderr is redirected), only after {@link #DELAY_NANOS}, and cleared when
 * the command is done, so nothing of it stays on the screen.
 *
 * <p>The loader tells it from its worker threads ({@link LoadProgress}); a timer thread of the
 * command line draws it. The logic takes its clock and writer from the caller, so tests draw it
 * with a clock they move.
 */
final class Progress implements LoadProgress, AutoCloseable {

  /** How long a command runs before the line appears. */
  static final long DELAY_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** Draws nothing: off a terminal, with {@code CONVERGE_PROGRESS=0}, and in tests of the commands. */
  static final Progress OFF = new Progress(null, () -> 0L);

  private final PrintWriter out;
  private final LongSupplier nanos;
  private final long start;
  private final AtomicIntegerArray done = new AtomicIntegerArray(Stage.values().length);
  private final AtomicIntegerArray totals = new AtomicIntegerArray(Stage.values().length);
  private volatile int planning;
  private int drawn; // the length of the line on the screen, 0 when there is none
  private boolean closed;
  private ScheduledExecutorService timer;

  Progress(PrintWriter out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /**
   * The progress line of this process: drawn four times a second when stderr is a terminal, unless
   * {@code CONVERGE_PROGRESS=0}; {@code CONVERGE_PROGRESS=1} draws it on any stderr.
   */
  static Progress forProcess(boolean terminal, Map<String, String> environment, PrintWriter err) {
    String setting = environment.getOrDefault("CONVERGE_PROGRESS", "");
    if (setting.equals("0") || !(terminal || setting.equals("1"))) {
      return OFF;
    }
    Progress progress = new Progress(err, System::nanoTime);
    progress.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "converge-progress");
      thread.setDaemon(true);
      return thread;
    });
    progress.timer.scheduleAtFixedRate(progress::draw, 250, 250, TimeUnit.MILLISECONDS);
    return progress;
  }

  @Override
  public void advanced(Stage stage, int count, int total) {
    if (out != null) {
      done.accumulateAndGet(stage.ordinal(), count, Math::max);
      totals.set(stage.ordinal(), total);
    }
  }

  /** The load is done and the planner has {@code instances} to plan. */
  void planning(int instances) {
    planning = instances;
  }

  /** The line as it stands. */
  String line() {
    if (planning > 0) {
      return String.format("converge: planning %,d instances", planning);
    }
    int manifests = totals.get(Stage.MANIFESTS.ordinal());
    int components = totals.get(Stage.COMPONENTS.ordinal());
    StringBuilder line = new StringBuilder("converge: loading stacks, ");
    line.append(String.format("%,d/%,d manifests", done.get(Stage.MANIFESTS.ordinal()), manifests));
    if (components > 0) {
      line.append(String.format(", %,d/%,d components", done.get(Stage.COMPONENTS.ordinal()), components));
    }
    return line.toString();
  }

  /** Draws the line over the last one, once the command has run for {@link #DELAY_NANOS}. */
  synchronized void draw() {
    if (out == null || closed || nanos.getAsLong() - start < DELAY_NANOS) {
      return;
    }
    String line = line();
    out.print('\r' + line + " ".repeat(Math.max(0, drawn - line.length())));
    out.flush();
    drawn = line.length();
  }

  /**
   * {@code target}, which stops the line and clears it before its first character: a command's
   * output and diagnostics never share a line of the terminal with it.
   */
  java.io.Writer clearedBefore(java.io.Writer target) {
    if (out == null) {
      return target;
    }
    return new java.io.FilterWriter(target) {
      @Override
      public void write(int c) throws java.io.IOException {
        Progress.this.close();
        super.write(c);
      }

      @Override
      public void write(char[] chars, int offset, int length) throws java.io.IOException {
        Progress.this.close();
        super.write(chars, offset, length);
      }

      @Override
      public void write(String text, int offset, int length) throws java.io.IOException {
        Progress.this.close();
        super.write(text, offset, length);
      }
    };
  }

  /** Stops drawing and clears the line, leaving the cursor where the line began. */
  @Override
  public synchronized void close() {
    closed = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    if (out != null && drawn > 0) {
      out.print('\r' + " ".repeat(drawn) + '\r');
      out.flush();
      drawn = 0;
    }
  }
}
