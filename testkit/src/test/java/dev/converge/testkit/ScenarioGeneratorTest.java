package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {

  @Test
  void scenario_sameSeed_sameScenario() {
    Scenario a = ScenarioGenerator.withSeed(7).scenario();
    Scenario b = ScenarioGenerator.withSeed(7).scenario();

    assertThat(a.pipeline()).isEqualTo(b.pipeline());
    assertThat(a.desired()).isEqualTo(b.desired());
    assertThat(a.ledger()).isEqualTo(b.ledger());
  }

  @Test
  void cases_coverEveryGateStateButSoaking() {
    Set<GateState> seen = EnumSet.noneOf(GateState.class);
    ScenarioGenerator.cases(1, 200).map(Scenario::plan)
        .flatMap(p -> p.environments().stream()).forEach(e -> seen.add(e.gate().state()));

    // soaking needs a finished upstream, which the driver reaches (see the convergence property)
    assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(GateState.SOAKING)));
  }

  @Test
  void driver_convergentCases_passThroughSoaking() {
    Set<GateState> seen = EnumSet.noneOf(GateState.class);
    ScenarioGenerator.convergentCases(2, 50).forEach(s -> ConvergenceDriver.of(s).drive(500,
        (RolloutPlan p) -> p.environments().forEach(e -> seen.add(e.gate().state()))));

    assertThat(seen).contains(GateState.SOAKING, GateState.OPEN, GateState.DONE, GateState.AWAITING_APPROVAL);
  }

  @Test
  void shrink_keepsOnlyWhatTheFailureNeeds() {
    Scenario big = ScenarioGenerator.withSeed(11).maxComponents(6).scenario();
    String culprit = big.desired().instances().get(0).component();

    Scenario smallest = Shrinker.shrink(big,
        s -> s.desired().instances().stream().anyMatch(i -> i.component().equals(culprit)));

    assertThat(smallest.desired().instances()).singleElement()
        .satisfies(i -> assertThat(i.component()).isEqualTo(culprit));
  }
}
