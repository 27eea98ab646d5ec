package dev.converge.yaml;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.Revision;
import dev.converge.yaml.internal.atmos.ConfigSearch;
import dev.converge.yaml.internal.atmos.Exec;
import dev.converge.yaml.internal.atmos.LoadMemo;
import dev.converge.yaml.internal.atmos.LoadOptions;
import dev.converge.yaml.internal.atmos.RepositoryLoader;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.DirectoryTree;
import dev.converge.yaml.internal.source.GitQueries;
import dev.converge.yaml.internal.source.GitTree;
import dev.converge.yaml.internal.source.SourceTree;
import java.io.IOException;
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
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * An Atmos repository: the folder that holds {@code atmos.yaml} (and, beside it,
 * {@code rollout.yaml} and {@code vendor.yaml}), usually inside a git work tree. atmos.yaml may
 * also be elsewhere in the git work tree ({@link Builder#configPath}, {@code ATMOS_CLI_CONFIG_PATH}
 * in the {@link Builder#environment environment}, the work tree's root), and its paths may lead
 * anywhere inside the work tree; see docs/yaml-loader.md, "Where atmos.yaml is found".
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
  private final Optional<Path> configPath;
  private final Map<String, String> environment;
  private final boolean allowExec;
  private final LoadProgress progress;
  private final LoadOptions options;
  /** The stack files the last load parsed and the manifests it resolved, when {@link Builder#reuseParses} asked. */
  private final Optional<LoadMemo> memo;

  private AtmosRepository(Path root, Map<String, Object> atmosOverrides, Optional<Set<String>> manifests,
      int parallelism, Optional<Path> configPath, Map<String, String> environment, boolean allowExec,
      LoadProgress progress, LoadOptions options, boolean reuseParses) {
    this.options = options;
    this.memo = reuseParses ? Optional.of(new LoadMemo()) : Optional.empty();
    this.progress = progress;
    this.root = root;
    this.atmosOverrides = atmosOverrides;
    this.manifests = manifests;
    this.parallelism = parallelism;
    this.configPath = configPath;
    this.environment = environment;
    this.allowExec = allowExec;
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
    Optional<Repository> git = GitQueries.find(root);
    if (git.isEmpty()) {
      return loadAt(new DirectoryTree(root), root, "", false, d -> new DirectoryTree(d), Revision.of("working-tree"),
          List.of());
    }
    try (Repository repository = git.get(); RevWalk walk = new RevWalk(repository)) {
      Optional<Path> workTree = workTree(repository);
      ObjectId head = repository.resolve("HEAD");
      Revision revision = Revision.of("working-tree");
      List<String> history = List.of();
      if (head != null) {
        RevCommit commit = walk.parseCommit(head);
        revision = revision(commit);
        history = history(walk, commit);
      }
      if (workTree.isEmpty()) { // the opened folder is not where git says its work tree is: read it alone
        return loadAt(new DirectoryTree(root, repository), root, "", false, d -> new DirectoryTree(d, repository),
            revision, history);
      }
      Path top = workTree.get();
      String opened = relative(top, root);
      return loadAt(new DirectoryTree(top, repository), top, opened, true, d -> new DirectoryTree(d, repository),
          revision, history);
    } catch (IOException e) {
      throw failure("git-unreadable", "cannot read the git repository: " + e.getMessage(),
          "check that the repository is readable (git status)");
    }
  }

  /**
   * Finds atmos.yaml in {@code whole} (the repository's tree, rooted at {@code top} on disk), then
   * loads the tree {@code at} makes for the anchor's folder on disk.
   */
  private AtmosSnapshot loadAt(SourceTree whole, Path top, String opened, boolean git,
      java.util.function.Function<Path, SourceTree> at, Revision revision, List<String> history) {
    Problems problems = new Problems();
    ConfigSearch.Found found = ConfigSearch.locate(whole, top, opened, git, configPath, environment, atmosOverrides,
        problems);
    problems.throwIfErrors();
    Path folder = top.resolve(found.anchor()).normalize();
    SourceTree tree = found.anchor().isEmpty() ? whole : at.apply(folder);
    return loader(tree, found).load(revision, history).withFolder(folder);
  }

  private RepositoryLoader loader(SourceTree tree, ConfigSearch.Found found) {
    return new RepositoryLoader(tree, found.placement(), environment, atmosOverrides, manifests, parallelism,
        allowExec ? Optional.of(new Exec(root, environment)) : Optional.empty(), progress, options, memo);
  }

  /**
   * The git work tree's root, as the repository names it (the folder {@link DirectoryTree} matches
   * ignored files against), when the opened folder lies inside it.
   */
  private Optional<Path> workTree(Repository repository) throws IOException {
    Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
    return root.toRealPath().startsWith(top.toRealPath()) ? Optional.of(top) : Optional.empty();
  }

  /** {@code folder} relative to {@code top}, which holds it (links resolved), with {@code /} separators. */
  private static String relative(Path top, Path folder) throws IOException {
    return top.toRealPath().relativize(folder.toRealPath()).toString().replace('\\', '/');
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
    Repository repository = GitQueries.find(root).orElseThrow(() ->
        failure("not-a-git-repository", root + " is not inside a git repository, so revision " + gitRevision
            + " cannot be read", "load a git clone of the repository, or the files on disk with load()"));
    try (repository; RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(GitQueries.commit(repository, gitRevision));
      Path top = repository.getWorkTree().toPath().toAbsolutePath().normalize();
      String opened = relative(top, root);
      GitTree whole = new GitTree(repository, commit, "");
      Problems problems = new Problems();
      ConfigSearch.Found found = ConfigSearch.locate(whole, top, opened, true, configPath, environment,
          atmosOverrides, problems);
      problems.throwIfErrors();
      return loader(whole.withPrefix(found.anchor()), found).load(revision(commit), history(walk, commit))
          .withFolder(top.resolve(found.anchor()).normalize());
    } catch (IOException e) {
      throw failure("git-unreadable", "cannot read revision " + gitRevision + ": " + e.getMessage(),
          "check that the revision exists and the repository is readable (git log)");
    }
  }

  /**
   * The full commit id {@code revision} names ({@code HEAD}, {@code HEAD~1}, a tag, a short id).
   *
   * @throws ConvergeException when the folder is not in a git repository or the revision does not exist
   */
  public String resolveRevision(String revision) {
    return GitQueries.resolve(root, Objects.requireNonNull(revision, "revision"));
  }

  /**
   * The files that differ between the revisions of two snapshots of this repository (each loaded
   * from git, {@link #load(String)}), relative to {@code head}'s folder, the one its paths start
   * from; sorted. What {@code Affected} needs beside the two snapshots.
   *
   * @throws ConvergeException when a snapshot's revision is not a commit of the repository
   */
  public List<String> changedFiles(AtmosSnapshot base, AtmosSnapshot head) {
    return GitQueries.changedFiles(head.folder().orElse(root), base.desiredState().revision().id(),
        head.desiredState().revision().id());
  }

  /**
   * The committer time of each of {@code revisions} that names a commit of the repository; one git
   * does not know, or every one when the folder is outside git, is left out.
   */
  public Map<String, Instant> commitTimes(java.util.Collection<String> revisions) {
    return GitQueries.commitTimes(root, revisions);
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

  private static ConvergeException failure(String rule, String message, String fix) {
    return new ConvergeException(List.of(Problem.builder().rule(rule)
        .severity(dev.converge.diagnostic.Severity.ERROR).message(message).fix(fix)
        .location(SourceLocation.ofFile(".")).build()));
  }

  /** Options for {@link AtmosRepository}. */
  public static final class Builder {
    private final Path root;
    private final Map<String, Object> atmosOverrides = new LinkedHashMap<>();
    private Set<String> manifests;
    private int parallelism = Runtime.getRuntime().availableProcessors();
    private Path configPath;
    private Map<String, String> environment = Map.of();
    private boolean allowExec;
    private LoadProgress progress = LoadProgress.NONE;
    private boolean comparisonDigests;
    private boolean outlineAbstractBases;
    private boolean describeMaps = true;
    private boolean reuseParses;
    private Set<String> components;

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
     * Reads this atmos.yaml instead of searching for one: the file itself or the folder that holds
     * it, absolute or relative to the root given to {@link AtmosRepository#builder(Path)}. It must
     * lie inside the repository (the git work tree holding the root, else the root folder); a path
     * that names no atmos.yaml makes every load fail with a problem saying so.
     *
     * <p>Without it, a load reads the first of: {@code ATMOS_CLI_CONFIG_PATH} from the
     * {@link #environment(Map) environment}, {@code atmos.yaml} in the root, {@code atmos.yaml} at
     * the git work tree's root; none found, Atmos's built-in defaults apply.
     */
    public Builder configPath(Path path) {
      this.configPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * The process environment, as the embedder chooses to pass it (default: empty; the loader
     * never reads the process's own). A load reads {@code ATMOS_CLI_CONFIG_PATH} (the config file
     * or its folder, relative to the root unless absolute) and {@code ATMOS_BASE_PATH} (replaces
     * {@code base_path}; {@code ./x} is relative to the root, a bare {@code x} to the git root when
     * it exists there) from it. An empty value counts as absent.
     */
    public Builder environment(Map<String, String> variables) {
      Objects.requireNonNull(variables, "variables");
      variables.forEach((k, v) -> {
        if (k == null || v == null) {
          throw new IllegalArgumentException("variables must not hold null names or values: " + k + "=" + v);
        }
      });
      this.environment = Map.copyOf(variables);
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

    /** Told as each load advances (see {@link LoadProgress}); {@link LoadProgress#NONE} by default. */
    public Builder progress(LoadProgress listener) {
      this.progress = java.util.Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Whether instances carry comparison digests ({@link dev.converge.model.ContentDigest#comparisonDigester()},
     * {@code siphash:...}) instead of the SHA-256 configuration digests ledgers record (off by
     * default). For loads that are only compared with each other, as {@code converge affected}
     * compares two revisions: the digests are several times cheaper to compute where the JVM has no
     * SHA intrinsic, equal exactly when the configurations are, and never match a ledger record. Never
     * record or plan such instances against a ledger.
     */
    public Builder comparisonDigests(boolean comparison) {
      this.comparisonDigests = comparison;
      return this;
    }

    /**
     * Whether abstract bases ({@code metadata.type: abstract}) are outlined rather than resolved (off
     * by default). An outlined base is in the snapshot with its stack, folder, metadata, inheritance
     * and workspace, as an instance the planner skips, but its configuration is not resolved: its
     * templates and YAML functions are not evaluated (nor their problems found), its dependencies
     * are not worked out, its instance has empty vars, env, settings and backend and an empty
     * configuration digest, and its describe map holds its names, metadata, inheritance, imports and
     * workspace only. What it gives its inheritors is unchanged: they read its sections as written.
     * For loads that plan ({@code converge plan}, {@code status},
     * {@code affected}, {@code forecast}), where a catalog's bases, often as many as the components
     * deployed, cost half the load; describe and lint need them resolved.
     */
    public Builder outlineAbstractBases(boolean outline) {
      this.outlineAbstractBases = outline;
      return this;
    }

    /**
     * Whether components keep their describe maps ({@link ResolvedComponent#configuration()}, on by
     * default). Without, a component keeps its names, folder, digests, flags, inheritance and
     * dependencies, and its configuration is empty; the instances of the desired state hold their
     * vars, env, settings and backend all the same. For loads that plan and never describe: the
     * describe maps are a quarter of a loaded snapshot's memory.
     */
    public Builder describeMaps(boolean keep) {
      this.describeMaps = keep;
      return this;
    }

    /**
     * Resolves only the components of these names (every one by default), in every stack that has
     * them: for describing one component of a large estate, where resolving every other would be
     * most of the load. Every manifest is still read and merged (a component's stack is named by its
     * merged vars), and a snapshot's component of one of these names is the one a load of every
     * component gives, but for its dependencies, which name components this load did not resolve:
     * {@link ResolvedComponent#dependsOn()} and its instance's are empty. The snapshot holds these
     * components only (its stacks, those that have them); problems are those of reading the files
     * and of resolving these components (and of a manifest's others, where a name template cannot
     * name one of these: they tell a stack lacking a value from a file that is no stack).
     */
    public Builder components(Set<String> names) {
      this.components = Set.copyOf(names);
      return this;
    }

    /**
     * Whether a load keeps the stack files it parsed for the next load of this repository, which
     * parses again only the files whose text differs (off by default). For comparing revisions, as
     * {@code converge affected} loads two, where all but the changed files are the same: their
     * YAML is parsed once. Loads without describe maps ({@link #describeMaps}) also keep the
     * manifests they resolved: one that merges to an equal manifest under an equal atmos.yaml, and
     * holds no Go template or YAML function, is not resolved again (docs/yaml-loader.md lists what
     * else turns that off). Costs the memory of one load's parsed files and resolved components,
     * held between loads; the snapshots and problems are the same either way.
     */
    public Builder reuseParses(boolean reuse) {
      this.reuseParses = reuse;
      return this;
    }

    public AtmosRepository build() {
      Path absolute = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(absolute)) {
        throw new IllegalArgumentException("root (" + root + ") must be a directory");
      }
      return new AtmosRepository(absolute, Map.copyOf(atmosOverrides),
          Optional.ofNullable(manifests).map(Set::copyOf), parallelism, Optional.ofNullable(configPath), environment,
          allowExec, progress, new LoadOptions(comparisonDigests, outlineAbstractBases, describeMaps,
              Optional.ofNullable(components)), reuseParses);
    }
  }
}
