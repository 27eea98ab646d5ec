package dev.converge.cli;

import java.io.PrintWriter;
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
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class Converge {

  /** The command ran and found errors (lint errors, a broken ledger, a failed run). */
  public static final int FOUND_ERRORS = 1;

  /** Bad usage or unreadable input. */
  public static final int BAD_INPUT = 2;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Converge())
        .setOut(out)
        .setErr(err)
        .setExitCodeExceptionMapper(e -> BAD_INPUT)
        .setParameterExceptionHandler((e, a) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return BAD_INPUT;
        });
    return commandLine.execute(args);
  }
}
