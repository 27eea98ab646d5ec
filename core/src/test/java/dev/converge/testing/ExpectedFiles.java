package dev.converge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a rendering with a reviewed expected file under {@code src/test/resources}. When they
 * differ, the actual text is written to {@code target/actual/<resource>} so a reviewer can diff
 * it and, once satisfied, copy it over the expected file.
 */
public final class ExpectedFiles {

  private ExpectedFiles() {}

  public static void assertMatches(String resource, String actual) {
    String expected = read(resource);
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "actual", resource);
      try {
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertThat(actual).as("rendering compared with %s (actual written to target/actual when different)", resource)
        .isEqualTo(expected);
  }

  private static String read(String resource) {
    try (InputStream in = ExpectedFiles.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? "<missing expected file " + resource + ">" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
