package dev.converge.yaml;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.Revision;
import dev.converge.yaml.internal.atmos.Exec;
import dev.converge.yaml.internal.atmos.RepositoryLoader;
import dev.converge.yaml.internal.source.DirectoryTree;
import dev.converge.yaml.internal.source.GitTree;
import dev.converge.yaml.internal.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * An Atmos repository: the folder that holds {@code atmos.yaml} (and, beside it,
 * {@code rollout.yaml} and {@code vendor.yaml}), usually inside a git work tree.
 *
 * <pre>{@code
 * AtmosRepository repo = AtmosRepository.open(Path.of("."));
 * AtmosSnapshot head = repo.load("HEAD");           // any git revision: HEAD~1, a tag, a short id
 * AtmosSnapshot working = repo.load();              // the files on disk
 * DesiredState desired = head.desiredState();
 * ResolvedComponent vpc = head.describeComponent("vpc", "prod/us-east-1");
 * }</pre>
 *
 * <p>Every load reads everything afresh and is independent of the others. A load either returns a
 * snapshot (warnings inside it) or throws one {@link ConvergeException} that carries every problem
 * found, each with its file, line and column. Instances of this class are immutable and may be
 * shared between threads. A load reads and resolves the manifests on up to
 * {@link Builder#parallelism(int) parallelism} threads (the calling thread and helpers that end
 * with the load; by default one per available processor); the snapshot, its order and its problems
 * are the same whatever the number.
 */
public final class AtmosRepository {

  private static final int MAX_HISTORY = 10_000;

  private final Path root;
  private final Map<String, Object> atmosOverrides;
  private final Optional<Set<String>> manifests;
  private final int parallelism;
  private final Map<String, String> environment;
  private final boolean allowExec;

  private AtmosRepository(Path root, Map<String, Object> atmosOverrides, Optional<Set<String>> manifests,
      int parallelism, Map<String, String> environment, boolean allowExec) {
    this.root = root;
    this.atmosOverrides = atmosOverrides;
    this.manifests = manifests;
    this.parallelism = parallelism;
    this.environment = environment;
    this.allowExec = allowExec;
  }

  private Optional<Exec> exec() {
    return allowExec ? Optional.of(new Exec(root, environment)) : Optional.empty();
  }

  /**
   * Opens the repository whose {@code atmos.yaml} lies in {@code root}.
   *
   * @throws IllegalArgumentException when {@code root} is not a directory
   */
  public static AtmosRepository open(Path root) {
    return builder(root).build();
  }

  /** A builder for a repository with options (atmos.yaml overrides, a subset of manifests). */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** The repository folder. */
  public Path root() {
    return root;
  }

  /**
   * Loads the working tree, the files as they are on disk. Its revision is {@code HEAD} when the
   * folder is in a git work tree (uncommitted edits included in the content, not in the id), else
   * the pseudo-revision {@code working-tree}. In a git work tree, folder digests leave out what git
   * ignores (a {@code .terraform/} cache), so an unchanged folder has its commit's digest.
   *
   * @throws ConvergeException with every problem of the load
   */
  public AtmosSnapshot load() {
    Optional<Repository> git = gitRepository();
    if (git.isEmpty()) {
      return new RepositoryLoader(new DirectoryTree(root), atmosOverrides, manifests, parallelism, environment, exec())
          .load(Revision.of("working-tree"), List.of());
    }
    try (Repository repository = git.get(); RevWalk walk = new RevWalk(repository)) {
      SourceTree tree = new DirectoryTree(root, repository);
      ObjectId head = repository.resolve("HEAD");
      if (head == null) {
        return new RepositoryLoader(tree, atmosOverrides, manifests, parallelism, environment, exec()).load(Revision.of("working-tree"), List.of());
      }
      RevCommit commit = walk.parseCommit(head);
      return new RepositoryLoader(tree, atmosOverrides, manifests, parallelism, environment, exec()).load(revision(commit), history(walk, commit));
    } catch (IOException e) {
      throw failure("git-unreadable", "cannot read the git repository: " + e.getMessage());
    }
  }

  /**
   * Loads the repository as it was at {@code gitRevision} (anything {@code git rev-parse} accepts:
   * {@code HEAD~1}, a tag, a branch, a short id), reading files from git objects, not the disk.
   *
   * @throws ConvergeException when the folder is not in a git repository, the revision does not
   *     exist, or the repository at that revision has problems
   */
  public AtmosSnapshot load(String gitRevision) {
    Objects.requireNonNull(gitRevision, "gitRevision");
    Repository repository = gitRepository().orElseThrow(() ->
        failure("not-a-git-repository", root + " is not inside a git repository, so revision " + gitRevision
            + " cannot be read"));
    try (repository; RevWalk walk = new RevWalk(repository)) {
      ObjectId id;
      try {
        id = repository.resolve(gitRevision);
      } catch (RevisionSyntaxException e) {
        id = null;
      }
      if (id == null) {
        throw failure("unknown-revision", "revision `" + gitRevision + "` does not exist in " + repository.getDirectory());
      }
      RevCommit commit = walk.parseCommit(id);
      Path workTree = repository.getWorkTree().toPath().toRealPath();
      String prefix = workTree.relativize(root.toRealPath()).toString().replace('\\', '/');
      GitTree tree = new GitTree(repository, commit, prefix);
      return new RepositoryLoader(tree, atmosOverrides, manifests, parallelism, environment, exec()).load(revision(commit), history(walk, commit));
    } catch (IOException e) {
      throw failure("git-unreadable", "cannot read revision " + gitRevision + ": " + e.getMessage());
    }
  }

  private Optional<Repository> gitRepository() {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(root.toFile());
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
      throw new UncheckedIOException(e);
    }
  }

  private static Revision revision(RevCommit commit) {
    return Revision.of(commit.name(), Instant.ofEpochSecond(commit.getCommitTime()));
  }

  /** First-parent history from {@code commit}, newest first. */
  private static List<String> history(RevWalk walk, RevCommit start) throws IOException {
    List<String> ids = new ArrayList<>();
    RevCommit current = start;
    while (current != null && ids.size() < MAX_HISTORY) {
      ids.add(current.name());
      if (current.getParentCount() == 0) {
        break;
      }
      current = walk.parseCommit(current.getParent(0));
    }
    return ids;
  }

  private static ConvergeException failure(String rule, String message) {
    return new ConvergeException(List.of(Problem.builder().rule(rule)
        .severity(dev.converge.diagnostic.Severity.ERROR).message(message)
        .location(SourceLocation.ofFile(".")).build()));
  }

  /** Options for {@link AtmosRepository}. */
  public static final class Builder {
    private final Path root;
    private final Map<String, Object> atmosOverrides = new LinkedHashMap<>();
    private Set<String> manifests;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private Map<String, String> environment = Map.of();
    private boolean allowExec;

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Sets an atmos.yaml key, as a dotted path, on top of the file: {@code
     * atmosConfig("stacks.name_pattern", "{tenant}-{stage}")}. A value of {@code ""} clears a name
     * pattern or template.
     */
    public Builder atmosConfig(String dottedKey, Object value) {
      if (dottedKey == null || dottedKey.isBlank()) {
        throw new IllegalArgumentException("dottedKey (" + dottedKey + ") must not be blank");
      }
      atmosOverrides.put(dottedKey, value);
      return this;
    }

    /**
     * Reads only these top-level manifests (names relative to the stacks base path, without
     * extension, e.g. {@code deploy/dev}) instead of every included one.
     */
    public Builder manifests(Set<String> names) {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("names (" + names + ") must not be empty");
      }
      this.manifests = new LinkedHashSet<>(names);
      return this;
    }

    /**
     * The threads a load may use, the calling one included: 1 loads on the calling thread alone.
     * Defaults to the number of available processors.
     */
    public Builder parallelism(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads (" + threads + ") must be at least 1");
      }
      this.parallelism = threads;
      return this;
    }

    /**
     * The environment variables the stacks may read ({@code !env NAME} after the component's own
     * env section, as Atmos reads them). Empty by default: the loader never reads the process's
     * environment itself; a command line passes {@code System.getenv()}.
     */
    public Builder environment(Map<String, String> variables) {
      this.environment = Map.copyOf(Objects.requireNonNull(variables, "variables"));
      return this;
    }

    /**
     * Whether {@code !exec} runs its command while the stacks load (off by default: it is then a
     * deferred value). The command runs without a shell, in the repository folder, with exactly
     * the {@link #environment(Map) environment} given here, for at most 30 seconds.
     */
    public Builder allowExec(boolean allow) {
      this.allowExec = allow;
      return this;
    }

    public AtmosRepository build() {
      Path absolute = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(absolute)) {
        throw new IllegalArgumentException("root (" + root + ") must be a directory");
      }
      return new AtmosRepository(absolute, Map.copyOf(atmosOverrides),
          Optional.ofNullable(manifests).map(Set::copyOf), parallelism, environment, allowExec);
    }
  }
}
