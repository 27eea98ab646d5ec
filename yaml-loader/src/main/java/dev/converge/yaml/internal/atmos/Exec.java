package dev.converge.yaml.internal.atmos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command of an {@code !exec} YAML function, when the embedder enabled it: the words of the
 * argument as the program and its arguments (no shell, so no pipes, globs or variables), in the
 * repository folder, with exactly the environment the embedder gave the load, for at most
 * {@value #TIMEOUT_SECONDS} seconds and {@value #MAX_OUTPUT} bytes of output.
 */
public final class Exec {

  static final int TIMEOUT_SECONDS = 30;
  static final int MAX_OUTPUT = 1 << 20;

  private final Path folder;
  private final Map<String, String> environment;

  public Exec(Path folder, Map<String, String> environment) {
    this.folder = folder;
    this.environment = environment;
  }

  /** The command's standard output, trailing new lines removed. */
  String run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    try (InputStream out = process.getInputStream()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = out.read(buffer)) >= 0) {
        if (bytes.size() + n > MAX_OUTPUT) {
          process.destroyForcibly();
          throw new IOException("it printed more than " + MAX_OUTPUT + " bytes");
        }
        bytes.write(buffer, 0, n);
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("it ran longer than " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("it exited with " + process.exitValue());
      }
      return bytes.toString(StandardCharsets.UTF_8).replaceAll("\n+$", "");
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }
}
