package dev.converge.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The floor a whole-process load is measured against: a process that reads and parses every YAML
 * file under DIR once, on one thread, with snakeyaml-engine's {@code Load}, and prints how many
 * files and bytes it parsed. {@code benchmarks/whole-process.sh} times it beside {@code converge plan}.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.ParseFloor DIR}</pre>
 */
public final class ParseFloor {

  private ParseFloor() {}

  public static void main(String[] args) throws IOException {
    System.out.println(parse(Path.of(args[0])));
  }

  /** Reads and parses every YAML file under {@code root}; says how many files, documents and characters. */
  static String parse(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/.git/")).sorted().toList();
    }
    long bytes = 0;
    int documents = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      bytes += text.length();
      Object value = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
      documents += value == null ? 0 : 1;
    }
    return files.size() + " files, " + documents + " documents, " + bytes + " characters";
  }
}
