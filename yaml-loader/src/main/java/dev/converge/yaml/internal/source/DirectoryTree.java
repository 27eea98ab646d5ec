package dev.converge.yaml.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A plain directory (the working tree) as a {@link SourceTree}. */
public final class DirectoryTree implements SourceTree {

  private final Path root;
  private final org.eclipse.jgit.lib.Repository repository;
  private final String prefix;
  private final Map<String, List<String>> listings = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> treeIds = new ConcurrentHashMap<>();
  private final Map<String, Boolean> isFile = new ConcurrentHashMap<>();

  /** A plain directory: folder digests hash every file in the folder. */
  public DirectoryTree(Path root) {
    this(root, null);
  }

  /**
   * A directory inside the work tree of {@code repository} (may be null): folder digests follow git
   * (ignored files left out), so they equal a commit's whenever the folder's content does.
   */
  public DirectoryTree(Path root, org.eclipse.jgit.lib.Repository repository) {
    this.root = root.toAbsolutePath().normalize();
    this.repository = repository;
    String p = null;
    if (repository != null && !repository.isBare()) {
      Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      if (this.root.startsWith(workTree)) {
        p = workTree.relativize(this.root).toString().replace('\\', '/');
      }
    }
    this.prefix = p;
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
    return readBytes(path).map(r -> Arrays.copyOf(r.bytes(), r.length()));
  }

  @Override
  public Optional<String> readText(String path) {
    return readBytes(path).map(r -> new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8));
  }

  /** The first {@code length} bytes of {@code bytes} are a file's content. */
  private record Content(byte[] bytes, int length) {}

  /**
   * Reads the file to its end without asking for its size first: asking costs a system call, a fifth
   * of reading a small file on some machines. Read first, ask later: a file that cannot be read is
   * looked at only then.
   */
  private Optional<Content> readBytes(String path) {
    Path file = resolve(path);
    try (FileChannel channel = FileChannel.open(file)) {
      byte[] bytes = new byte[FIRST_READ];
      int length = 0;
      while (true) {
        if (length == bytes.length) {
          if (bytes.length >= MAX_FILE / 2) {
            throw new IOException("larger than " + MAX_FILE / (1 << 20) + " MiB");
          }
          bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        int read = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
        if (read < 0) {
          return Optional.of(new Content(bytes, length));
        }
        length += read;
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      if (!Files.isRegularFile(file)) {
        return Optional.empty(); // a directory, or a link to nothing
      }
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Most stack files fit (a few hundred bytes to a few kilobytes); a larger one costs a copy per doubling. */
  private static final int FIRST_READ = 2048;

  /** No YAML file of a repository comes near this; a larger file is refused rather than read whole. */
  private static final int MAX_FILE = 1 << 30;

  @Override
  public List<String> files(String directory) {
    return listings.computeIfAbsent(directory, d -> {
      Path dir = resolve(d);
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      List<String> result = new ArrayList<>();
      try {
        // the walk hands over each file's attributes: no second look at the file to see what it is
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()) {
              result.add(RepoPaths.join(d, dir.relativize(file).toString()));
            }
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      result.sort(null);
      return List.copyOf(result);
    });
  }

  @Override
  public Optional<String> treeId(String directory) {
    return treeIds.computeIfAbsent(directory, d -> {
      if (!isDirectory(d)) {
        return Optional.empty();
      }
      if (prefix != null) {
        String inWorkTree = prefix.isEmpty() ? d : RepoPaths.join(prefix, d);
        if (!inWorkTree.isEmpty() && !RepoPaths.leavesRoot(inWorkTree)) {
          return WorkTreeIds.of(repository, inWorkTree);
        }
      }
      return GitTreeIds.of(resolve(d));
    });
  }
}
