package dev.converge.lint;

import dev.converge.Engine;
import dev.converge.diagnostic.Problem;
import dev.converge.internal.lint.Rules;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.pipeline.Pipeline;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Runs every {@link LintRule} over a desired state, its pipeline and the repository's folders.
 * Problems are data, sorted by stack, component and rule; none is thrown.
 *
 * <pre>{@code
 * List<Problem> problems = Linter.of(pipeline)
 *     .withFolders(folders)
 *     .at(Instant.parse("2026-11-27T10:00:00Z"))
 *     .lint(desired);
 * boolean failed = problems.stream().anyMatch(Problem::isError);
 * }</pre>
 */
public final class Linter {

  private final Engine engine;

  private Linter(Engine engine) {
    this.engine = engine;
  }

  /** A linter for {@code pipeline}, knowing no folders (folder rules are then skipped) and no instant. */
  public static Linter of(Pipeline pipeline) {
    return new Linter(Engine.of(pipeline));
  }

  /** The linter of {@code engine}'s pipeline, folders, patterns and instant (the ledger takes no part). */
  public static Linter of(Engine engine) {
    return new Linter(Objects.requireNonNull(engine, "engine"));
  }

  /** A copy that checks folders against {@code folders}: which exist, which vendor.yaml fills. */
  public Linter withFolders(FolderInventory folders) {
    return new Linter(engine.withFolders(folders));
  }

  /** A copy using {@code classifier}'s patterns; its tracks and vendor targets are replaced by the pipeline's and the folders'. */
  public Linter withClassifier(FolderClassifier classifier) {
    return new Linter(engine.withClassifier(classifier));
  }

  /** A copy that dates overdue divergences against {@code now}; without it, that rule is skipped. */
  public Linter at(Instant now) {
    return new Linter(engine.at(now));
  }

  /** Every problem of {@code desired}, sorted by stack, component, rule and message. */
  public List<Problem> lint(DesiredState desired) {
    Objects.requireNonNull(desired, "desired");
    return Rules.check(desired, engine.pipeline(), engine.folders(), engine.classifier(), engine.now());
  }
}
