package dev.converge.yaml.internal.source;

import dev.converge.yaml.internal.problem.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A plain directory (the working tree) as a {@link SourceTree}. */
public final class DirectoryTree implements SourceTree {

  private final Path root;
  private final org.eclipse.jgit.lib.Repository repository;
  private final String prefix;
  /** Whether every entry of a listing is looked at, or YAML files are taken on their name (see {@link #files}). */
  private final boolean exactListings;
  private final Map<String, List<String>> listings = new ConcurrentHashMap<>();
  /** Entries listed as files on their name alone and not yet read. */
  private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
  /** Set when an entry listed on its name alone could not be read as a file. */
  private volatile boolean wrongGuess;
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
    this(root, repository, false);
  }

  private DirectoryTree(Path root, org.eclipse.jgit.lib.Repository repository, boolean exactListings) {
    this.exactListings = exactListings;
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
  public Optional<String> readText(String path, Problems problems) {
    return readBytes(path).map(r -> Utf8.decode(path, r.bytes(), r.length(), problems).orElse(""));
  }

  /** The first {@code length} bytes of {@code bytes} are a file's content. */
  private record Content(byte[] bytes, int length) {}

  /**
   * Reads the file to its end without asking for its size first: asking costs a system call, a fifth
   * of reading a small file on some machines. Read first, ask later: a file that cannot be read is
   * looked at only then.
   */
  private Optional<Content> readBytes(String path) {
    Optional<Content> content = readFile(path);
    if (!unconfirmed.isEmpty() && unconfirmed.remove(path) && content.isEmpty()) {
      wrongGuess = true;
    }
    return content;
  }

  private Optional<Content> readFile(String path) {
    Path file = resolve(path);
    try (FileChannel channel = FileChannel.open(file)) {
      byte[] bytes = new byte[FIRST_READ];
      int length = 0;
      while (true) {
        if (length == bytes.length) {
          if (bytes.length >= MAX_FILE) {
            throw new IOException("it is " + MAX_FILE / (1 << 20) + " MiB or more: split it into files it imports");
          }
          bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, MAX_FILE));
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

  /**
   * No YAML file of a repository comes near this; a larger one (or a device taken for a file on its
   * name) is refused rather than read whole.
   */
  private static final int MAX_FILE = 1 << 26;

  /**
   * {@inheritDoc} A file is a regular file or a link to one. Entries named like YAML files are taken
   * for files without a look at each (a look costs as much as a third of reading a small file), and
   * confirmed by being read; {@link #listingsConfirmed} tells whether every one was.
   */
  @Override
  public List<String> files(String directory) {
    return listings.computeIfAbsent(directory, d -> {
      Path dir = resolve(d);
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      List<String> result = new ArrayList<>();
      try {
        list(dir, d, result);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      result.sort(null);
      return List.copyOf(result);
    });
  }

  private void list(Path dir, String path, List<String> files) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String entryPath = RepoPaths.join(path, name);
        if (!exactListings && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          unconfirmed.add(entryPath);
          files.add(entryPath);
          continue;
        }
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        if (attributes.isDirectory()) {
          list(entry, entryPath, files);
        } else if (attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(entry)) {
          files.add(entryPath);
        }
      }
    }
  }

  /**
   * Whether every entry listed as a file on its name alone is one: each read so far was; the others
   * are looked at now. When not, a load must start again on {@link #withExactListings}.
   */
  @Override
  public boolean listingsConfirmed() {
    unconfirmed.removeIf(path -> {
      if (!Files.isRegularFile(resolve(path))) {
        wrongGuess = true;
      }
      return true;
    });
    return !wrongGuess;
  }

  /** The same directory, with every entry of a listing looked at. */
  @Override
  public SourceTree withExactListings() {
    return new DirectoryTree(root, repository, true);
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
