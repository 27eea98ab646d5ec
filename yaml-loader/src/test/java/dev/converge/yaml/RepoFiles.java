package dev.converge.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A test-data builder for Atmos repositories on disk: a working default {@code atmos.yaml}, files
 * written by path, and commits made with JGit at fixed times.
 */
final class RepoFiles {

  static final String ATMOS_YAML = """
      base_path: "."
      stacks:
        base_path: stacks
        included_paths: ["deploy/**/*"]
        excluded_paths: ["**/_defaults.yaml"]
        name_template: "{{ .vars.stage }}/{{ .vars.region }}"
      components:
        terraform:
          base_path: components/terraform
      templates:
        settings:
          enabled: true
      """;

  private final Path root;
  private Git git;
  private long time = 1_790_000_000L;

  private RepoFiles(Path root) {
    this.root = root;
  }

  /** A repository with the default atmos.yaml and a {@code vpc} component folder. */
  static RepoFiles in(Path root) {
    return new RepoFiles(root).write("atmos.yaml", ATMOS_YAML)
        .write("components/terraform/vpc/main.tf", "# vpc\n");
  }

  /** An empty folder: no atmos.yaml. */
  static RepoFiles bare(Path root) {
    return new RepoFiles(root);
  }

  Path root() {
    return root;
  }

  RepoFiles write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RepoFiles writeBytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RepoFiles delete(String path) {
    try {
      Files.delete(root.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stages everything and commits; the first call runs {@code git init}. */
  RevCommit commit(String message) {
    try {
      if (git == null) {
        git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
      }
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      time += 3600;
      PersonIdent who = new PersonIdent("Test", "test@example.com", java.time.Instant.ofEpochSecond(time),
          java.time.ZoneOffset.UTC);
      return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  Git git() {
    return git;
  }

  AtmosSnapshot load() {
    return AtmosRepository.open(root).load();
  }
}
