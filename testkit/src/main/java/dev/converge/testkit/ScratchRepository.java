package dev.converge.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A scratch git repository made from a folder (your Atmos repository, or Converge's example
 * estate), for tests that load revisions, record deployments and compare commits. Commits carry
 * fixed, increasing committer times, so plans made in tests are reproducible.
 */
public final class ScratchRepository implements AutoCloseable {

  private final Path root;
  private final Git git;
  private int commits;

  private ScratchRepository(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  /**
   * Copies {@code source} into {@code dir}, makes it a git repository on branch {@code main}, and
   * commits everything as the first commit.
   */
  public static ScratchRepository create(Path source, Path dir) throws IOException {
    copy(source, dir);
    Git git;
    try {
      git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    } catch (GitAPIException e) {
      throw new IOException("git init in " + dir + ": " + e.getMessage(), e);
    }
    ScratchRepository repository = new ScratchRepository(dir, git);
    repository.commit("Initial estate");
    return repository;
  }

  /** The repository's folder. */
  public Path root() {
    return root;
  }

  /** The committer time of the first commit; each later commit lands a minute after the one before. */
  public static final Instant LANDED = Instant.parse("2026-11-26T09:00:00Z");

  /** Commits every change; returns the commit id. */
  public String commit(String message) throws IOException {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      PersonIdent ci = new PersonIdent(new PersonIdent("CI", "ci@example.com"), LANDED.plusSeconds(60L * commits++), ZoneOffset.UTC);
      return git.commit().setMessage(message).setAuthor(ci).setCommitter(ci).call().getName();
    } catch (GitAPIException e) {
      throw new IOException("git commit in " + root + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code content} to {@code path}, relative to the repository. */
  public void write(String path, String content) throws IOException {
    Files.writeString(root.resolve(path), content);
  }

  /** Reads {@code path}, relative to the repository. */
  public String read(String path) throws IOException {
    return Files.readString(root.resolve(path));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
