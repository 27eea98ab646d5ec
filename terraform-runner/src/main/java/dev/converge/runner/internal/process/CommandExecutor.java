package dev.converge.runner.internal.process;

import java.time.Duration;

/** Runs one command to its end, its timeout, or cancellation. The seam where unit tests stand in for processes. */
public interface CommandExecutor {

  /**
   * Runs {@code command}; when {@code captureStdout}, standard output is returned instead of being
   * passed to {@code sink}. Standard error always goes to the sink.
   */
  Completion execute(CommandLine command, Duration timeout, boolean captureStdout, LineSink sink,
      Cancellation cancellation);
}
