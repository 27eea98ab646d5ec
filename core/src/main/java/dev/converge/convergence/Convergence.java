package dev.converge.convergence;

import dev.converge.Engine;
import dev.converge.internal.convergence.Classification;
import dev.converge.ledger.Ledger;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import java.time.Instant;
import java.util.Objects;

/**
 * Answers {@code converge status}: for every component, its environments side by side and one
 * {@link DivergenceClass}. A pure function of the desired state, the ledger, the pipeline and an
 * instant, like the planner, whose gates it reuses for "operational, waiting on ...".
 *
 * <pre>{@code
 * ConvergenceReport report = Convergence.of(pipeline)
 *     .withLedger(ledger)
 *     .withFolders(folders)
 *     .at(Instant.parse("2026-11-27T10:00:00Z"))
 *     .report(desired);
 * System.out.print(ConvergenceText.render(report));
 * }</pre>
 */
public final class Convergence {

  private final Engine engine;

  private Convergence(Engine engine) {
    this.engine = engine;
  }

  /** A report for {@code pipeline}, with an empty ledger, the default folder patterns and no instant yet. */
  public static Convergence of(Pipeline pipeline) {
    return new Convergence(Engine.of(pipeline));
  }

  /** The report of {@code engine}'s pipeline, ledger, folders, patterns and instant. */
  public static Convergence of(Engine engine) {
    return new Convergence(Objects.requireNonNull(engine, "engine"));
  }

  public Convergence withLedger(Ledger ledger) {
    return new Convergence(engine.withLedger(ledger));
  }

  /** A copy that knows the repository's folders and vendor targets (strict pins and how far behind they are). */
  public Convergence withFolders(FolderInventory folders) {
    return new Convergence(engine.withFolders(folders));
  }

  /**
   * A copy that classifies folders with {@code classifier}'s patterns. The classifier's tracks and vendor
   * targets are replaced by the pipeline's tracks and the vendor targets of {@link #withFolders}.
   */
  public Convergence withClassifier(FolderClassifier classifier) {
    return new Convergence(engine.withClassifier(classifier));
  }

  /** A copy that reports as of {@code now}; nothing reads a clock. */
  public Convergence at(Instant now) {
    return new Convergence(engine.at(now));
  }

  /** The classifier in effect: the given patterns with the pipeline's tracks and the vendor targets. */
  public FolderClassifier classifier() {
    return engine.classifier();
  }

  /**
   * Classifies every component of {@code desired}.
   *
   * @throws IllegalStateException if no instant was given with {@link #at(Instant)}
   */
  public ConvergenceReport report(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    engine.requireNow("report()");
    return report(desired, engine.plan(desired));
  }

  /**
   * Classifies every component of {@code desired}, reading the gates from {@code plan} instead of
   * planning again: for a caller that already planned the same desired state, ledger and instant.
   *
   * @throws IllegalArgumentException if {@code plan} is for another revision or instant
   */
  public ConvergenceReport report(DesiredState desired, RolloutPlan plan) {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(plan, "plan");
    Instant now = engine.requireNow("report()");
    if (!plan.revision().equals(desired.revision().id()) || !plan.at().equals(now)) {
      throw new IllegalArgumentException("plan (" + plan.revision() + " at " + plan.at() + ") must be for revision "
          + desired.revision().id() + " at " + now);
    }
    return Classification.report(engine.pipeline(), engine.ledger(), now, desired, engine.classifier(),
        engine.folders(), plan);
  }
}
