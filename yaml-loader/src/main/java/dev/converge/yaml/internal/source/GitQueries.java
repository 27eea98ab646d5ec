package dev.converge.yaml.internal.source;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * What Converge asks git beside loading a revision: a revision's full id, the files two revisions
 * differ in, the commit time of revisions. Problems carry no location: they are about git, not a file.
 */
public final class GitQueries {

  private GitQueries() {}

  /**
   * The git repository holding {@code atmosRoot} ({@code GIT_DIR} and the like honoured), when
   * there is one with a work tree; the caller closes it.
   */
  public static Optional<Repository> find(Path atmosRoot) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
        .findGitDir(atmosRoot.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    try {
      Repository repository = builder.build();
      if (repository.isBare()) {
        repository.close();
        return Optional.empty();
      }
      return Optional.of(repository);
    } catch (IOException e) {
      throw problem("git-unreadable", "cannot open the git repository at " + builder.getGitDir() + ": "
          + e.getMessage(), "check that the repository is readable (git status)");
    }
  }

  /** The full commit id {@code revision} names ({@code HEAD}, {@code HEAD~1}, a tag, a short id). */
  public static String resolve(Path atmosRoot, String revision) {
    try (Repository repository = open(atmosRoot); RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(commit(repository, revision)).getName();
    } catch (IOException e) {
      throw problem("git-unreadable", "cannot read revision " + revision + ": " + e.getMessage(),
          "check that the revision exists (git log)");
    }
  }

  /** The files that differ between two revisions, relative to the Atmos repository folder. */
  public static List<String> changedFiles(Path atmosRoot, String base, String head) {
    try (Repository repository = open(atmosRoot); RevWalk walk = new RevWalk(repository);
        DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repository);
      String prefix = repository.getWorkTree().toPath().toRealPath()
          .relativize(atmosRoot.toRealPath()).toString().replace('\\', '/');
      String folder = prefix.isEmpty() ? "" : prefix + "/";
      TreeSet<String> files = new TreeSet<>();
      for (DiffEntry entry : diff.scan(tree(repository, walk, base), tree(repository, walk, head))) {
        for (String path : List.of(entry.getOldPath(), entry.getNewPath())) {
          if (!path.equals(DiffEntry.DEV_NULL) && path.startsWith(folder)) {
            files.add(path.substring(folder.length()));
          }
        }
      }
      return List.copyOf(files);
    } catch (IOException e) {
      throw problem("git-unreadable", "cannot compare " + base + " and " + head + ": " + e.getMessage(),
          "check that both revisions exist (git log)");
    }
  }

  /**
   * The committer time of each of {@code revisions} that names a commit of the repository; a
   * revision git does not know, or a folder outside git, is left out (its lead time is unknown).
   */
  public static Map<String, Instant> commitTimes(Path atmosRoot, Collection<String> revisions) {
    Optional<Repository> found = find(atmosRoot);
    if (found.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> times = new HashMap<>();
    try (Repository repository = found.get(); RevWalk walk = new RevWalk(repository)) {
      for (String revision : new TreeSet<>(revisions)) {
        try {
          ObjectId id = repository.resolve(revision + "^{commit}");
          if (id != null) {
            times.put(revision, Instant.ofEpochSecond(walk.parseCommit(id).getCommitTime()));
          }
        } catch (IOException | RevisionSyntaxException e) {
          // not a commit of this repository: no lead time for it
        }
      }
    }
    return times;
  }

  private static Repository open(Path atmosRoot) {
    return find(atmosRoot).orElseThrow(() -> problem("not-a-git-repository",
        atmosRoot + " is not inside a git repository", "run this command in a git clone of the repository"));
  }

  /**
   * The object {@code revision} names in {@code repository}.
   *
   * @throws ConvergeException {@code unknown-revision} when it names nothing
   */
  public static ObjectId commit(Repository repository, String revision) throws IOException {
    ObjectId id;
    try {
      id = repository.resolve(revision);
    } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
      id = null;
    }
    if (id == null) {
      throw problem("unknown-revision", "revision `" + revision + "` does not exist in " + repository.getDirectory(),
          "name a commit, tag or branch that exists there (git log --oneline)");
    }
    return id;
  }

  private static ObjectId tree(Repository repository, RevWalk walk, String revision) throws IOException {
    return walk.parseCommit(commit(repository, revision)).getTree().getId();
  }

  private static ConvergeException problem(String rule, String message, String fix) {
    return new ConvergeException(List.of(
        Problem.builder().rule(rule).severity(Severity.ERROR).message(message).fix(fix).build()));
  }
}
