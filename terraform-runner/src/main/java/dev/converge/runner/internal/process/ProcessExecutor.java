package dev.converge.runner.internal.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/** Runs commands as real processes: argument lists only, an exact environment, output streamed line by line. */
public final class ProcessExecutor implements CommandExecutor {

  private static final int STDERR_TAIL_LINES = 20;

  private final Duration killGrace;

  public ProcessExecutor(Duration killGrace) {
    this.killGrace = killGrace;
  }

  @Override
  public Completion execute(CommandLine command, Duration timeout, boolean captureStdout, LineSink sink,
      Cancellation cancellation) {
    if (cancellation.isCancelled()) {
      return new Completion(-1, "", "cancelled before it started", false, true);
    }
    ProcessBuilder builder = new ProcessBuilder(command.args()).directory(command.directory().toFile());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Completion.notStarted("cannot start " + command.args().get(0) + ": " + e.getMessage());
    }
    closeQuietly(process);
    StringBuilder stdout = new StringBuilder();
    Deque<String> stderrTail = new ArrayDeque<>();
    Thread outReader = reader(process.getInputStream(), "stdout", line -> {
      if (captureStdout) {
        stdout.append(line).append('\n');
      } else {
        sink.line(false, line);
      }
    });
    Thread errReader = reader(process.getErrorStream(), "stderr", line -> {
      synchronized (stderrTail) {
        stderrTail.addLast(line);
        if (stderrTail.size() > STDERR_TAIL_LINES) {
          stderrTail.removeFirst();
        }
      }
      sink.line(true, line);
    });
    boolean timedOut = false;
    Cancellation.Registration registration = cancellation.onCancel(() -> ProcessTrees.kill(process.toHandle(), killGrace));
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        ProcessTrees.kill(process.toHandle(), killGrace);
      }
      process.waitFor(killGrace.toMillis() + TimeUnit.SECONDS.toMillis(30), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      ProcessTrees.kill(process.toHandle(), killGrace);
      Thread.currentThread().interrupt();
    } finally {
      registration.close();
    }
    join(outReader);
    join(errReader);
    String tail;
    synchronized (stderrTail) {
      tail = String.join("\n", stderrTail);
    }
    int exit = process.isAlive() ? -1 : process.exitValue();
    return new Completion(exit, stdout.toString(), tail, timedOut, cancellation.isCancelled() && !timedOut);
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // stdin is not used; a process that exited at once has closed it already
    }
  }

  private static Thread reader(InputStream stream, String name, java.util.function.Consumer<String> onLine) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          onLine.accept(line);
        }
      } catch (IOException | UncheckedIOException e) {
        // the stream closes when the process is killed
      }
    }, "terraform-" + name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
