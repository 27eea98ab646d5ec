package dev.converge.cli;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code converge} command. Exit codes: 0 success; 1 the command ran and found errors; 2 bad
 * usage or unreadable input, with a message naming the file, line and column.
 */
@Command(
    name = "converge",
    mixinStandardHelpOptions = true,
    version = "converge 0.1.0-SNAPSHOT",
    description = "Plans and drives progressive rollouts of Terraform infrastructure described in Atmos stacks.",
    subcommands = {
        PlanCommand.class, StatusCommand.class, LintCommand.class, AffectedCommand.class, RollbackCommand.class,
        DescribeCommand.class, RecordCommand.class, LedgerCommand.class, RunCommand.class, DemoCommand.class, MetricsCommand.class, ReportCommand.class,
        ForecastCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Examples:", "  converge plan", "  converge status --format markdown", "  converge forecast",
        "  converge record check --environment dev --check smoke --outcome success", "  converge run --environment dev"})
public final class Converge {

  /** The command ran and found errors (lint errors, a broken ledger, a failed run). */
  public static final int FOUND_ERRORS = 1;

  /** Bad usage or unreadable input. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    int code;
    Progress progress = Progress.forProcess(System.console() != null, System.getenv(), err);
    try {
      java.io.Writer stdout = new java.io.BufferedWriter(new java.io.OutputStreamWriter(System.out));
      code = run(new PrintWriter(progress.clearedBefore(stdout), true), new PrintWriter(progress.clearedBefore(err), true),
          System.getenv(), progress, args);
    } catch (OutOfMemoryError e) {
      progress.close();
      err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
      code = BAD_INPUT;
    } finally {
      progress.close();
    }
    System.exit(code);
  }

  /** What to say when the estate does not fit in the heap: how big the heap was, and how to give it more. */
  static String outOfMemory(long maxHeap) {
    return "converge: out of memory: this estate does not fit in the Java heap (" + maxHeap / (1024 * 1024)
        + " MB); give it more with CONVERGE_JAVA_OPTIONS=-Xmx8g for ./converge, or java -Xmx8g -jar converge.jar"
        + " (docs/performance.md says how much an estate needs)";
  }

  /** Runs the command line with the given streams and the process environment; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * Runs the command line with the given streams and environment (what the loader sees of
   * {@code ATMOS_CLI_CONFIG_PATH} and {@code ATMOS_BASE_PATH}); returns the exit code.
   */
  static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
    return run(out, err, environment, Progress.OFF, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, Map, String...)}, with the process's progress line. */
  static int run(PrintWriter out, PrintWriter err, Map<String, String> environment, Progress progress,
      String... args) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = defaults.create(type);
        if (made instanceof CommonOptions options) {
          options.environment = Map.copyOf(environment);
          options.progress = progress;
        }
        return made;
      }
    };
    CommandLine commandLine = new CommandLine(new Converge(), factory)
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd.getErr()))
        .setParameterExceptionHandler((e, a) -> {
          e.getCommandLine().getErr().println("converge: " + e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return BAD_INPUT;
        });
    return commandLine.execute(args);
  }

  /** Problems in the input are reported one per line, never as a stack trace. */
  private static int handle(Exception e, PrintWriter err) {
    if (e instanceof ConvergeException problems) {
      for (Problem problem : problems.problems()) {
        err.println(problem.render());
      }
      return BAD_INPUT;
    }
    if (e instanceof IllegalArgumentException || e instanceof UsageException) {
      err.println("converge: " + e.getMessage());
      return BAD_INPUT;
    }
    err.println("converge: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
        + " (please report this with the command you ran)");
    return BAD_INPUT;
  }

  /** A usage error found after parsing, e.g. a format a command does not support. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
