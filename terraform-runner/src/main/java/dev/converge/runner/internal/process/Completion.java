package dev.converge.runner.internal.process;

/**
 * How a process ended: its exit code (-1 when it could not start), captured standard output when
 * asked for, the last lines of standard error, and whether it was timed out or cancelled.
 */
public record Completion(int exitCode, String stdout, String stderrTail, boolean timedOut, boolean cancelled) {

  public static Completion exited(int exitCode, String stdout, String stderrTail) {
    return new Completion(exitCode, stdout, stderrTail, false, false);
  }

  public static Completion notStarted(String reason) {
    return new Completion(-1, "", reason, false, false);
  }
}
