package dev.converge.cli;

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

/** A scratch git repository made from {@code examples/infra}, for tests that drive the command line. */
final class ExampleRepository implements AutoCloseable {

  static final Path EXAMPLE = Path.of("..", "examples", "infra");

  final Path root;
  private final Git git;
  private int commits;

  private ExampleRepository(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  static ExampleRepository create(Path dir) throws IOException, GitAPIException {
    copy(EXAMPLE, dir);
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    ExampleRepository repository = new ExampleRepository(dir, git);
    repository.commit("Initial estate");
    return repository;
  }

  /** The committer time of every commit: an hour before the tests' instants, so revisions have landed. */
  static final Instant LANDED = Instant.parse("2026-11-26T09:00:00Z");

  /** Commits every change; returns the commit id. */
  String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent ci = new PersonIdent(new PersonIdent("CI", "ci@example.com"), LANDED.plusSeconds(60L * commits++), ZoneOffset.UTC);
    return git.commit().setMessage(message).setAuthor(ci).setCommitter(ci).call().getName();
  }

  void write(String path, String content) throws IOException {
    Files.writeString(root.resolve(path), content);
  }

  String read(String path) throws IOException {
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
