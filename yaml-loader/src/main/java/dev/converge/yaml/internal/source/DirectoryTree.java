package dev.converge.yaml.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A plain directory (the working tree) as a {@link SourceTree}. */
public final class DirectoryTree implements SourceTree {

  private final Path root;
  private final Map<String, List<String>> listings = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> treeIds = new ConcurrentHashMap<>();
  private final Map<String, Boolean> isFile = new ConcurrentHashMap<>();

  public DirectoryTree(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public String describe() {
    return "working tree";
  }

  private Path resolve(String path) {
    return path.isEmpty() ? root : root.resolve(path).normalize();
  }

  @Override
  public boolean isFile(String path) {
    return isFile.computeIfAbsent(path, p -> Files.isRegularFile(resolve(p)));
  }

  @Override
  public boolean isDirectory(String path) {
    return Files.isDirectory(resolve(path));
  }

  @Override
  public Optional<byte[]> read(String path) {
    Path file = resolve(path);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> files(String directory) {
    return listings.computeIfAbsent(directory, d -> {
      Path dir = resolve(d);
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      List<String> result = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            .forEach(p -> result.add(RepoPaths.join(d, dir.relativize(p).toString())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      result.sort(null);
      return List.copyOf(result);
    });
  }

  @Override
  public Optional<String> treeId(String directory) {
    return treeIds.computeIfAbsent(directory, d -> isDirectory(d) ? GitTreeIds.of(resolve(d)) : Optional.empty());
  }
}
