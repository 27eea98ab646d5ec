package dev.converge.runner.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes from coreutils: argument lists, exact environments, timeouts and cancellation. */
@Timeout(30)
class ProcessExecutorIT {

  @TempDir
  Path dir;

  private final ProcessExecutor executor = new ProcessExecutor(Duration.ofMillis(300));
  private final List<String> lines = new ArrayList<>();

  private Completion run(List<String> args, Map<String, String> env, Duration timeout, boolean capture,
      Cancellation cancellation) {
    return executor.execute(new CommandLine(args, dir, env), timeout, capture,
        (stderr, line) -> {
          synchronized (lines) {
            lines.add((stderr ? "err " : "out ") + line);
          }
        }, cancellation);
  }

  @Test
  void execute_environment_isExactlyTheOneGiven() {
    Completion completion = run(List.of("/usr/bin/env"), Map.of("A", "1", "TF_IN_AUTOMATION", "1"),
        Duration.ofSeconds(10), true, new Cancellation());

    assertThat(completion.exitCode()).isZero();
    assertThat(completion.stdout().lines().toList()).containsExactlyInAnyOrder("A=1", "TF_IN_AUTOMATION=1");
  }

  @Test
  void execute_argumentsWithShellCharacters_arePassedVerbatim() {
    Completion completion = run(List.of("/bin/echo", "$(id)", "a;b", "*"), Map.of(), Duration.ofSeconds(10), false,
        new Cancellation());

    assertThat(completion.exitCode()).isZero();
    assertThat(lines).containsExactly("out $(id) a;b *");
  }

  @Test
  void execute_runsInTheGivenFolder() {
    Completion completion = run(List.of("/bin/pwd"), Map.of(), Duration.ofSeconds(10), true, new Cancellation());

    assertThat(completion.stdout().strip()).isEqualTo(dir.toString());
  }

  @Test
  void execute_failure_keepsTheExitCodeAndTheStderrTail() {
    Completion completion = run(List.of("/bin/ls", "/no/such/path"), Map.of(), Duration.ofSeconds(10), false,
        new Cancellation());

    assertThat(completion.exitCode()).isNotZero();
    assertThat(completion.stderrTail()).contains("/no/such/path");
  }

  @Test
  void execute_missingBinary_reportsThatItCannotStart() {
    Completion completion = run(List.of("/no/such/terraform", "init"), Map.of(), Duration.ofSeconds(10), false,
        new Cancellation());

    assertThat(completion.exitCode()).isEqualTo(-1);
    assertThat(completion.stderrTail()).startsWith("cannot start /no/such/terraform");
  }

  @Test
  void execute_timeout_endsTheProcess() {
    long started = System.nanoTime();

    Completion completion = run(List.of("/bin/sleep", "60"), Map.of(), Duration.ofMillis(300), false, new Cancellation());

    assertThat(completion.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void execute_cancelled_endsTheProcessAndSaysSo() throws Exception {
    Cancellation cancellation = new Cancellation();
    CompletableFuture<Completion> running = CompletableFuture.supplyAsync(
        () -> run(List.of("/bin/sleep", "60"), Map.of(), Duration.ofSeconds(30), false, cancellation));
    TimeUnit.MILLISECONDS.sleep(300);

    cancellation.cancel();

    Completion completion = running.get(10, TimeUnit.SECONDS);
    assertThat(completion.cancelled()).isTrue();
    assertThat(completion.timedOut()).isFalse();
  }

  @Test
  void execute_alreadyCancelled_startsNothing() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();

    Completion completion = run(List.of("/bin/echo", "hi"), Map.of(), Duration.ofSeconds(10), false, cancellation);

    assertThat(completion.cancelled()).isTrue();
    assertThat(lines).isEmpty();
  }
}
