package dev.converge;

import static dev.converge.Fixtures.T0;
import static dev.converge.Fixtures.chain;
import static dev.converge.Fixtures.deployed;
import static dev.converge.Fixtures.desired;
import static dev.converge.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.convergence.Convergence;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Ledger;
import dev.converge.lint.Linter;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderClassifier;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.RolloutPlan;
import dev.converge.rollback.Rollback;
import org.junit.jupiter.api.Test;

/** One set-up, every question: the engine answers as each front door does with the same inputs. */
class EngineTest {

  final Instance dev = instance("dev/a", "vpc", "2");
  final Instance prod = instance("prod/a", "vpc-experiment", "2");
  final DesiredState desired = desired("r2", dev, instance("staging/a", "vpc", "2"), prod);
  final Pipeline pipeline = chain();
  final Ledger ledger = Ledger.of(deployed(dev, "r1", T0.minusSeconds(3600)));
  final FolderInventory folders = FolderInventory.builder().addFolders("vpc", "vpc-experiment").build();
  final Engine engine = Engine.of(pipeline).withLedger(ledger).withFolders(folders).at(T0);

  @Test
  void everyAnswerEqualsTheFrontDoorsWithTheSameInputs() {
    RolloutPlan plan = engine.plan(desired);

    assertThat(plan).isEqualTo(RolloutPlanner.of(pipeline).withLedger(ledger).at(T0).plan(desired));
    assertThat(engine.status(desired, plan)).isEqualTo(engine.status(desired))
        .isEqualTo(Convergence.of(pipeline).withLedger(ledger).withFolders(folders).at(T0).report(desired));
    assertThat(engine.lint(desired)).isEqualTo(Linter.of(pipeline).withFolders(folders).at(T0).lint(desired));
    assertThat(engine.forecast(desired)).isEqualTo(Forecaster.of(pipeline).withLedger(ledger).at(T0).forecast(desired));
    assertThat(engine.estate(desired).component("vpc")).isPresent();
  }

  @Test
  void theFrontDoorsAreTheEngineSeenThroughOneQuestion() {
    assertThat(engine.planner().ledger()).isSameAs(ledger);
    assertThat(engine.planner().plan(desired)).isEqualTo(engine.plan(desired));
    assertThat(engine.rollback().targets(desired, "dev", "vpc", java.util.Optional.empty(), java.util.Optional.empty()))
        .isEqualTo(Rollback.of(pipeline).withLedger(ledger).at(T0)
            .targets(desired, "dev", "vpc", java.util.Optional.empty(), java.util.Optional.empty()));
  }

  @Test
  void theClassifierIsThePatternsWithThePipelinesTracksAndTheVendorTargets() {
    FolderClassifier classifier = Engine.of(pipeline.withTracks("beta"))
        .withClassifier(FolderClassifier.defaults()).classifier();

    assertThat(classifier.classify("beta/vpc").track()).hasValue("beta");
  }

  @Test
  void aQuestionThatNeedsTimeWithoutAnInstantNamesTheCall() {
    Engine timeless = Engine.of(pipeline);

    assertThat(timeless.now()).isEmpty();
    assertThatThrownBy(() -> timeless.plan(desired)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at(Instant) before plan()");
    assertThatThrownBy(() -> timeless.forecast(desired)).hasMessageContaining("before forecast()");
    assertThatThrownBy(() -> timeless.metrics(T0, java.util.Map.of())).hasMessageContaining("before metrics()");
    // lint dates overdue divergences only when it has an instant; it runs without one
    assertThat(timeless.lint(desired)).isEqualTo(Linter.of(pipeline).lint(desired));
  }
}
