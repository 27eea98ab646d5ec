package dev.converge.runner.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Installs {@link FakeTerraform} as an executable named {@code terraform}: a two-line script that
 * {@code exec}s the JVM, so the process the runner starts is the fake itself (no shell stays behind).
 */
public final class FakeTerraformInstall {

  private FakeTerraformInstall() {}

  /** Writes {@code dir/terraform} and returns its path. */
  public static Path into(Path dir) throws IOException {
    Path script = dir.resolve("terraform");
    String command = String.join(" ", JavaProcess.command(FakeTerraform.class).stream().map(FakeTerraformInstall::quote).toList());
    Files.writeString(script, "#!/bin/sh\nexec " + command + " \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
