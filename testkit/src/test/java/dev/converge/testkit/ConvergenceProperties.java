package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.convergence.Cell;
import dev.converge.convergence.CellState;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the convergence report over generated estates and ledgers, 200 seeded cases
 * each; the seed is in each case's name, and a failure is shrunk to the smallest estate that still
 * fails.
 */
class ConvergenceProperties {

  static final int CASES = 200;

  static Stream<Scenario> scenarios() {
    return ScenarioGenerator.cases(20261201, CASES);
  }

  static Stream<Scenario> convergentScenarios() {
    return ScenarioGenerator.convergentCases(20261202, CASES);
  }

  static ConvergenceReport report(Scenario s) {
    return Convergence.of(s.pipeline()).withLedger(s.ledger()).at(s.now()).report(s.desired());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void report_everyComponentGetsExactlyOneClassAndEveryInstanceOneCell(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      ConvergenceReport report = report(s);

      Set<String> components = s.desired().instances().stream().map(Instance::component)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(report.components()).extracting(ComponentStatus::component).containsExactlyElementsOf(components);
      assertThat(report.components()).allSatisfy(c -> assertThat(c.divergenceClass()).isNotNull());
      List<InstanceId> cells = report.components().stream().flatMap(c -> c.cells().stream()).map(Cell::instance).toList();
      assertThat(cells).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(s.desired().instances().stream().map(Instance::id).toList());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void report_convergedOnlyWhenEveryEnabledCellIsCurrent(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      for (ComponentStatus c : report(s).components()) {
        if (c.divergenceClass() == DivergenceClass.CONVERGED) {
          assertThat(c.cells()).as(c.component()).allSatisfy(cell ->
              assertThat(cell.state()).isIn(CellState.CURRENT, CellState.DISABLED));
        }
        if (c.divergenceClass() == DivergenceClass.OPERATIONAL) {
          assertThat(c.cells()).as(c.component()).anySatisfy(cell ->
              assertThat(cell.state()).isIn(CellState.BEHIND, CellState.NEVER_DEPLOYED));
          assertThat(c.waitingOn()).as(c.component()).isPresent();
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void report_permutedInputs_equalReport(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      Random random = new Random(s.seed());
      List<Instance> instances = new ArrayList<>(s.desired().instances());
      Collections.shuffle(instances, random);
      List<LedgerRecord> records = new ArrayList<>(s.ledger().records());
      Collections.shuffle(records, random);
      Scenario permuted = new Scenario(s.seed(), s.pipeline(), s.desired().withInstances(instances), Ledger.of(records), s.now());

      assertThat(report(permuted)).isEqualTo(report(s));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("convergentScenarios")
  void report_afterDrivingToConvergence_everyComponentConverged(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      ConvergenceDriver driver = ConvergenceDriver.of(s);
      int changes = s.plan().environments().stream().mapToInt(e -> e.changes().size()).sum();
      driver.drive(ConvergenceDriver.bound(changes, s.pipeline().environments().size()), plan -> { });
      ConvergenceReport report = Convergence.of(s.pipeline()).withLedger(driver.ledger()).at(driver.now()).report(s.desired());

      assertThat(report.components()).allSatisfy(c -> assertThat(c.divergenceClass()).as(c.component() + " " + c.reasons())
          .isEqualTo(DivergenceClass.CONVERGED));
      assertThat(report.environments()).allSatisfy(e -> assertThat(e.cells().keySet()).isSubsetOf(CellState.CURRENT));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void report_parity_overridesAreExactlyTheVarsOutsideTheSharedBase(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      Random random = new Random(s.seed());
      List<Instance> withVars = s.desired().instances().stream().map(i -> i.withVars(Map.of(
          "shared", "x", "region", i.stack(), "flag", random.nextBoolean()))).toList();
      Scenario varied = new Scenario(s.seed(), s.pipeline(), s.desired().withInstances(withVars), s.ledger(), s.now());

      for (ComponentStatus c : report(varied).components()) {
        assertThat(c.sharedVars()).contains("shared");
        if (c.cells().size() > 1) {
          assertThat(c.sharedVars()).doesNotContain("region");
        }
        for (Cell cell : c.cells()) {
          List<String> outside = List.of("flag", "region", "shared").stream().filter(v -> !c.sharedVars().contains(v)).toList();
          assertThat(cell.overriddenVars()).containsExactlyElementsOf(outside);
        }
      }
    });
  }
}
