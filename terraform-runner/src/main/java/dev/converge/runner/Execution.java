package dev.converge.runner;

import dev.converge.runner.internal.process.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A run in progress: wait for its report, or cancel it. */
public final class Execution {

  private final CompletableFuture<RunReport> report;
  private final Cancellation cancellation;

  Execution(CompletableFuture<RunReport> report, Cancellation cancellation) {
    this.report = report;
    this.cancellation = cancellation;
  }

  /**
   * Stops the run: every running Terraform process tree gets SIGTERM, then SIGKILL after the kill
   * grace; actions not yet started end {@link ActionStatus#CANCELLED}. Returns once the running
   * process trees have ended (at most about the kill grace); {@link #await()} then returns the report.
   */
  public void cancel() {
    cancellation.cancel();
  }

  public boolean isCancelled() {
    return cancellation.isCancelled();
  }

  public boolean isDone() {
    return report.isDone();
  }

  /** Waits for the run to end and returns its report. */
  public RunReport await() {
    try {
      return report.get();
    } catch (InterruptedException e) {
      cancel();
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the run; it was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** The report, when it is ready. */
  public CompletableFuture<RunReport> future() {
    return report.copy();
  }
}
