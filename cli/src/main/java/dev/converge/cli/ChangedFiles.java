package dev.converge.cli;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** The files that differ between two git revisions, relative to the Atmos repository folder. */
final class ChangedFiles {

  private ChangedFiles() {}

  static List<String> between(Path atmosRoot, String base, String head) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(atmosRoot.toFile());
    if (builder.getGitDir() == null) {
      throw problem("not-a-git-repository", atmosRoot + " is not inside a git repository", "run affected in a git clone");
    }
    try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository);
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

  private static ObjectId tree(Repository repository, RevWalk walk, String revision) throws IOException {
    ObjectId id = repository.resolve(revision);
    if (id == null) {
      throw problem("unknown-revision", "revision `" + revision + "` does not exist", "name a commit, tag or branch");
    }
    return walk.parseCommit(id).getTree().getId();
  }

  private static ConvergeException problem(String rule, String message, String fix) {
    return new ConvergeException(List.of(
        Problem.builder().rule(rule).severity(Severity.ERROR).message(message).fix(fix).build()));
  }
}
