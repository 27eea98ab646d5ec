package dev.converge;

import dev.converge.affected.Affected;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.diagnostic.Problem;
import dev.converge.estate.Estate;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Ledger;
import dev.converge.lint.Linter;
import dev.converge.metrics.DeliveryMetrics;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import dev.converge.rollback.Rollback;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's inputs, set once: the pipeline, the ledger, the repository's folders, the folder
 * patterns and the instant. Every question the engine answers is asked here: the plan, the
 * convergence status, lint, the forecast, rollback, affected, the estate, delivery metrics. An
 * immutable value; each {@code with}/{@code at} returns a copy. Nothing reads a clock: an answer
 * that depends on time needs {@link #at(Instant)}.
 *
 * <pre>{@code
 * Engine engine = Engine.of(pipeline).withLedger(ledger).withFolders(folders).at(now);
 * RolloutPlan plan = engine.plan(desired);
 * ConvergenceReport status = engine.status(desired, plan);
 * List<Problem> problems = engine.lint(desired);
 * Forecast forecast = engine.forecast(desired);
 * }</pre>
 *
 * <p>{@link RolloutPlanner}, {@link Convergence}, {@link Linter}, {@link Forecaster} and
 * {@link Rollback} remain the front doors of one question each; each is this value seen through
 * that question ({@link #planner()}, {@link #convergence()}, ...).
 */
public final class Engine {

  private final Pipeline pipeline;
  private final Ledger ledger;
  private final FolderInventory folders;
  private final FolderClassifier patterns;
  private final Optional<Instant> now;

  private Engine(Pipeline pipeline, Ledger ledger, FolderInventory folders, FolderClassifier patterns,
      Optional<Instant> now) {
    this.pipeline = pipeline;
    this.ledger = ledger;
    this.folders = folders;
    this.patterns = patterns;
    this.now = now;
  }

  /** An engine for {@code pipeline}: an empty ledger, unknown folders, the default folder patterns, no instant. */
  public static Engine of(Pipeline pipeline) {
    return new Engine(Objects.requireNonNull(pipeline, "pipeline"), Ledger.empty(), FolderInventory.unknown(),
        FolderClassifier.defaults(), Optional.empty());
  }

  /** A copy that reads {@code ledger}: what was deployed, checked, approved, held, marked bad. */
  public Engine withLedger(Ledger ledger) {
    return new Engine(pipeline, Objects.requireNonNull(ledger, "ledger"), folders, patterns, now);
  }

  /** A copy that knows the repository's folders and vendor.yaml's pins. */
  public Engine withFolders(FolderInventory folders) {
    return new Engine(pipeline, ledger, Objects.requireNonNull(folders, "folders"), patterns, now);
  }

  /**
   * A copy that classifies folders with {@code classifier}'s patterns; its tracks and vendor
   * targets are always the pipeline's and the folders' (see {@link #classifier()}).
   */
  public Engine withClassifier(FolderClassifier classifier) {
    return new Engine(pipeline, ledger, folders, Objects.requireNonNull(classifier, "classifier"), now);
  }

  /** A copy that answers as of {@code now}. */
  public Engine at(Instant now) {
    return new Engine(pipeline, ledger, folders, patterns, Optional.of(Objects.requireNonNull(now, "now")));
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Ledger ledger() {
    return ledger;
  }

  public FolderInventory folders() {
    return folders;
  }

  /** The instant, when one was given. */
  public Optional<Instant> now() {
    return now;
  }

  /**
   * The instant for {@code question}.
   *
   * @throws IllegalStateException naming the question when no instant was given
   */
  public Instant requireNow(String question) {
    return now.orElseThrow(() -> new IllegalStateException(
        "now is not set: call at(Instant) before " + question + "; the engine never reads a clock"));
  }

  /** The classifier in effect: the given patterns with the pipeline's release tracks and the vendor targets. */
  public FolderClassifier classifier() {
    return patterns.withTracks(pipeline.tracks()).withVendorTargets(folders.vendorTargets());
  }

  // ------------------------------------------------------------------------- the questions

  /** What to deploy where, in which order, behind which gate: {@link RolloutPlanner#plan}. */
  public RolloutPlan plan(DesiredState desired) {
    return planner().plan(desired);
  }

  /** Each component's divergence class and the convergence matrix: {@link Convergence#report(DesiredState)}. */
  public ConvergenceReport status(DesiredState desired) {
    return convergence().report(desired);
  }

  /** The status, reading the gates from a plan already made at the same instant. */
  public ConvergenceReport status(DesiredState desired, RolloutPlan plan) {
    return convergence().report(desired, plan);
  }

  /** Every lint problem of {@code desired}: {@link Linter#lint}. */
  public List<Problem> lint(DesiredState desired) {
    return linter().lint(desired);
  }

  /** The timeline to convergence: {@link Forecaster#forecast}. */
  public Forecast forecast(DesiredState desired) {
    return forecaster().forecast(desired);
  }

  /** The estate to navigate: stacks, components, tracks, pins. */
  public Estate estate(DesiredState desired) {
    return Estate.of(desired, pipeline, classifier(), folders);
  }

  /** Delivery metrics of the ledger over {@code [since, now)}; commit times as {@link DeliveryMetrics#of} takes them. */
  public DeliveryMetrics metrics(Instant since, Map<String, Instant> commitTimes) {
    return DeliveryMetrics.of(ledger, pipeline, since, requireNow("metrics()"), commitTimes);
  }

  // ------------------------------------------------------------------------- the front doors

  public RolloutPlanner planner() {
    return RolloutPlanner.of(this);
  }

  public Convergence convergence() {
    return Convergence.of(this);
  }

  public Linter linter() {
    return Linter.of(this);
  }

  public Forecaster forecaster() {
    return Forecaster.of(this);
  }

  public Rollback rollback() {
    return Rollback.of(this);
  }

  /**
   * What a change affects, in every environment; this engine's folders are the head revision's
   * (give it both revisions' folders with {@link Affected#withFolders}).
   */
  public Affected affected() {
    return Affected.of(this);
  }
}
