package dev.converge.cli;

import dev.converge.RolloutPlanner;
import dev.converge.convergence.Convergence;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.pipeline.Pipeline;
import dev.converge.runner.ledger.LedgerStore;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** What a command reads: the repository at a revision, its pipeline, the ledger, and the instant. */
final class Session {

  final CommonOptions options;
  final AtmosRepository repository;
  final AtmosSnapshot snapshot;
  final Instant now;
  private Ledger ledger;
  private LedgerStore store;
  private FolderInventory folders;

  private Session(CommonOptions options, AtmosRepository repository, AtmosSnapshot snapshot) {
    this.options = options;
    this.repository = repository;
    this.snapshot = snapshot;
    this.now = options.now();
  }

  /**
   * Loads {@code revision} (any git revision); when empty, {@code HEAD} in a git repository, else the files on disk.
   *
   * @throws ConvergeException naming every problem of the load
   */
  static Session open(CommonOptions options, Optional<String> revision) {
    return open(options, revision, Load.FULL);
  }

  /** What a command's load needs resolved. */
  enum Load {
    /** Everything, with ledger digests: describe stacks, lint. */
    FULL,
    /**
     * For planning: abstract bases outlined ({@link AtmosRepository.Builder#outlineAbstractBases}), no
     * describe maps kept ({@link AtmosRepository.Builder#describeMaps}).
     */
    PLANNING,
    /**
     * For comparing two loads with each other, never with the ledger: as {@link #PLANNING}, with
     * comparison digests ({@link AtmosRepository.Builder#comparisonDigests}), the second load parsing
     * only the stack files the first did not ({@link AtmosRepository.Builder#reuseParses}).
     */
    COMPARING
  }

  /** {@link #open(CommonOptions, Optional)}, resolving what {@code load} says. */
  static Session open(CommonOptions options, Optional<String> revision, Load load) {
    return open(options, revision, options.builder(load));
  }

  /** {@link #open(CommonOptions, Optional, Load)} with the repository {@code builder} makes. */
  static Session open(CommonOptions options, Optional<String> revision, AtmosRepository.Builder builder) {
    if (!Files.isDirectory(options.repo)) {
      throw new ConvergeException(List.of(Problem.builder().rule("repo-missing").severity(Severity.ERROR)
          .message("--repo " + options.repo + " is not a directory")
          .fix("point --repo at the folder that holds atmos.yaml").build()));
    }
    AtmosRepository repository = builder.build();
    AtmosSnapshot snapshot = revision.or(() -> committedHead(options)).map(repository::load)
        .orElseGet(repository::load);
    return new Session(options, repository, snapshot);
  }

  /**
   * Trunk is what is committed: inside a git repository the default revision is {@code HEAD}, so
   * files Terraform writes into component folders (plans, {@code .terraform/}, generated tfvars)
   * never change a digest. Outside git, the working tree is all there is.
   */
  private static Optional<String> committedHead(CommonOptions options) {
    FileRepositoryBuilder git = new FileRepositoryBuilder().findGitDir(options.repo.toAbsolutePath().toFile());
    return git.getGitDir() != null && Files.exists(git.getGitDir().toPath().resolve("HEAD"))
        && hasCommits(git) ? Optional.of("HEAD") : Optional.empty();
  }

  private static boolean hasCommits(FileRepositoryBuilder git) {
    try (Repository repository = git.build()) {
      return repository.resolve("HEAD") != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  AtmosSnapshot load(String revision) {
    return repository.load(revision);
  }

  /** The folder on disk the snapshot's paths are relative to: the repository's, unless atmos.yaml says otherwise. */
  java.nio.file.Path folder() {
    return snapshot.folder().orElse(options.repo);
  }

  DesiredState desired() {
    return snapshot.desiredState();
  }

  Pipeline pipeline() {
    return snapshot.pipeline().orElseThrow(() -> new ConvergeException(List.of(Problem.builder()
        .rule("rollout-missing").severity(Severity.ERROR)
        .message("no rollout.yaml in " + options.repo + ", the folder --repo names")
        .fix("create rollout.yaml with your environments (see docs/rollout-yaml.md)").build())));
  }

  /** The ledger's store, opened once per command (a file, a git ref or a PostgreSQL table). */
  LedgerStore ledgerStore() {
    if (store == null) {
      store = options.ledgerStore();
    }
    return store;
  }

  /** The ledger, read once per command; empty when the store holds nothing yet. */
  Ledger ledger() {
    if (ledger == null) {
      ledger = ledgerStore().load();
    }
    return ledger;
  }

  /** The committer time of each revision the ledger's deployments name (lead times are measured from it). */
  Map<String, Instant> commitTimes() {
    return commitTimes(repository, ledger());
  }

  static Map<String, Instant> commitTimes(AtmosRepository repository, Ledger ledger) {
    return repository.commitTimes(
        ledger.recordsOf(Deployment.class).stream().map(Deployment::revision).toList());
  }

  RolloutPlanner planner() {
    options.progress.planning(desired().instances().size());
    return RolloutPlanner.of(pipeline()).withLedger(ledger()).at(now);
  }

  static FolderInventory folders(AtmosSnapshot snapshot) {
    return snapshot.folderInventory();
  }

  FolderInventory folders() {
    if (folders == null) {
      folders = folders(snapshot);
    }
    return folders;
  }

  /** The convergence report's engine, configured for this repository, ledger and instant. */
  Convergence convergence() {
    return Convergence.of(pipeline()).withLedger(ledger()).withFolders(folders()).withClassifier(classifier()).at(now);
  }

  FolderClassifier classifier() {
    return classifier(pipeline(), folders());
  }

  /** Folder kinds as this repository names them: the pipeline's release tracks, vendor.yaml's pins. */
  static FolderClassifier classifier(Pipeline pipeline, FolderInventory folders) {
    return FolderClassifier.defaults().withTracks(pipeline.tracks()).withVendorTargets(folders.vendorTargets());
  }
}
