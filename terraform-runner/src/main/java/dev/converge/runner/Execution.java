package dev.converge.runner;

import dev.converge.runner.internal.process.Cancellation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

  /**
   * Cancels the run if the JVM shuts down before it ends (SIGTERM from CI, Ctrl-C), so that no
   * Terraform process outlives the caller; the hook goes away when the run ends.
   */
  public Execution cancelOnShutdown() {
    Thread hook = new Thread(() -> {
      if (!report.isDone()) {
        cancel();
        try {
          report.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
          // shutting down: nothing more to do
        }
      }
    }, "converge-run-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    report.whenComplete((r, e) -> {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to
      }
    });
    return this;
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
