package dev.converge.yaml.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTreeTest {

  @TempDir
  Path dir;

  @Test
  void readText_filesOfEverySizeAroundTheFirstRead_readWhole() throws IOException {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 2047, 2048, 2049, 4096, 4097, 100_000}) {
      StringBuilder text = new StringBuilder();
      while (text.length() < size) {
        text.append(random.nextInt(10) == 0 ? "é" : String.valueOf((char) ('a' + random.nextInt(26))));
      }
      String content = text.substring(0, size);
      Files.writeString(dir.resolve("f" + size + ".yaml"), content, StandardCharsets.UTF_8);
      DirectoryTree tree = new DirectoryTree(dir);

      assertThat(tree.readText("f" + size + ".yaml", new dev.converge.yaml.internal.problem.Problems())).as("size %d", size).contains(content);
      assertThat(tree.read("f" + size + ".yaml")).as("size %d", size).hasValueSatisfying(
          bytes -> assertThat(bytes).isEqualTo(content.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void readText_missingFileOrAFolder_empty() throws IOException {
    Files.createDirectories(dir.resolve("folder.yaml"));
    DirectoryTree tree = new DirectoryTree(dir);

    assertThat(tree.readText("missing.yaml", new dev.converge.yaml.internal.problem.Problems())).isEmpty();
    assertThat(tree.readText("folder.yaml", new dev.converge.yaml.internal.problem.Problems())).isEmpty();
    assertThat(tree.read("folder.yaml")).isEmpty();
  }
}
