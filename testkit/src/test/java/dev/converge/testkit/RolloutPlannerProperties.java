package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@code RolloutPlanner.plan()} over generated pipelines, estates and ledgers.
 * Each property runs on 200 seeded cases; the seed is in each case's name, and a failure is
 * shrunk to the smallest estate that still fails (see {@link PropertyCheck}).
 */
class RolloutPlannerProperties {

  static final int CASES = 200;

  static Stream<Scenario> scenarios() {
    return ScenarioGenerator.cases(20261127, CASES);
  }

  static Stream<Scenario> convergentScenarios() {
    return ScenarioGenerator.convergentCases(20261128, CASES);
  }

  /** The same scenario planning an older revision of trunk than the newest one in the ledger. */
  static Stream<Scenario> olderRevisionScenarios() {
    return ScenarioGenerator.cases(20261129, CASES).map(s -> new Scenario(s.seed(), s.pipeline(),
        s.desired().withRevision(Revision.of(s.desired().history().get(1))), s.ledger(), s.now()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plan_permutedInputs_equalPlan(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      Random random = new Random(s.seed());
      List<Instance> instances = new ArrayList<>();
      for (Instance i : s.desired().instances()) {
        List<InstanceId> deps = new ArrayList<>(i.dependsOn());
        Collections.reverse(deps);
        instances.add(i.withDependsOn(deps));
      }
      Collections.shuffle(instances, random);
      List<LedgerRecord> records = new ArrayList<>(s.ledger().records());
      Collections.shuffle(records, random);
      Scenario permuted = new Scenario(s.seed(), s.pipeline(), s.desired().withInstances(instances),
          Ledger.of(records), s.now());

      assertThat(permuted.plan()).isEqualTo(s.plan());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plan_everyChangedInstanceInExactlyOneWave(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      RolloutPlan plan = s.plan();
      List<InstanceId> planned = plan.environments().stream()
          .flatMap(e -> e.actions().stream()).map(Action::instance).toList();
      assertThat(planned).doesNotHaveDuplicates();
      for (EnvironmentPlan environment : plan.environments()) {
        for (Action action : environment.actions()) {
          assertThat(action.wave().isPresent())
              .as("%s %s has a wave", action.kind(), action.instance().render())
              .isEqualTo(action.kind().isChange());
          action.wave().ifPresent(w -> assertThat(w).isPositive());
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plan_dependenciesBeforeDependents(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      RolloutPlan plan = s.plan();
      for (EnvironmentPlan environment : plan.environments()) {
        Map<InstanceId, Integer> waves = new HashMap<>();
        environment.changes().forEach(a -> waves.put(a.instance(), a.wave().orElseThrow()));
        for (Action action : environment.changes()) {
          Instance instance = s.desired().instance(action.instance()).orElse(null);
          if (instance == null) {
            continue;
          }
          for (InstanceId dependency : transitiveDependencies(s.desired(), instance)) {
            if (waves.containsKey(dependency)) {
              assertThat(waves.get(dependency))
                  .as("%s before %s", dependency.render(), action.instance().render())
                  .isLessThan(waves.get(action.instance()));
            }
          }
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plan_nextNeverBehindAClosedGate(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> assertNextRespectsGates(s.pipeline(), s.plan()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void plan_everyOpensAtIsAfterNow(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      RolloutPlan plan = s.plan();
      for (EnvironmentPlan environment : plan.environments()) {
        environment.gate().opensAt().ifPresent(t -> assertThat(t).as(environment.name()).isAfter(s.now()));
        environment.gate().opensAt().ifPresent(t -> assertThat(environment.gate().state().isTimed()).isTrue());
        environment.earliestAt().ifPresent(t -> assertThat(t).isAfterOrEqualTo(s.now()));
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"scenarios", "olderRevisionScenarios"})
  void plan_neverAnOlderRevisionAfterANewerOne(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      RolloutPlan plan = s.plan();
      List<String> history = s.desired().history();
      int planned = history.indexOf(plan.revision());
      for (EnvironmentPlan environment : plan.environments()) {
        for (Action action : environment.changes()) {
          action.fromRevision().ifPresent(from -> assertThat(history.indexOf(from) < 0 || history.indexOf(from) >= planned)
              .as("%s deployed at %s, planned %s", action.instance().render(), from, plan.revision())
              .isTrue());
        }
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("convergentScenarios")
  void drive_deployCheckApproveWait_convergesWithinBound(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      RolloutPlan first = s.plan();
      int changes = first.environments().stream().mapToInt(e -> e.changes().size()).sum();
      int bound = ConvergenceDriver.bound(changes, first.environments().size());
      ConvergenceDriver driver = ConvergenceDriver.of(s);

      RolloutPlan last = driver.drive(bound, plan -> assertNextRespectsGates(s.pipeline(), plan));

      assertThat(last.isConverged())
          .as("converged within %d steps (%d changes); last plan:\n%s", bound, changes,
              dev.converge.plan.PlanText.render(last))
          .isTrue();
      assertThat(last.problems()).noneMatch(p -> p.rule().equals("dependency-cycle"));
    });
  }

  static void assertNextRespectsGates(Pipeline pipeline, RolloutPlan plan) {
    for (EnvironmentPlan environment : plan.environments()) {
      environment.gate().opensAt().ifPresent(t -> assertThat(t).as(environment.name()).isAfter(plan.at()));
    }
    for (Action action : plan.next()) {
      EnvironmentPlan environment = plan.environment(action.environment()).orElseThrow();
      assertThat(environment.gate().state()).as("gate of %s", environment.name()).isEqualTo(GateState.OPEN);
      int firstWave = environment.changes().stream().mapToInt(a -> a.wave().orElse(Integer.MAX_VALUE)).min().orElseThrow();
      assertThat(action.wave()).hasValue(firstWave);
      assertThat(environment.changes()).contains(action);
      for (String upstream : upstreamOf(pipeline, environment.name())) {
        assertThat(plan.environment(upstream).orElseThrow().changes())
            .as("%s deploys while %s, upstream of it, has changes left", environment.name(), upstream)
            .isEmpty();
      }
    }
  }

  /** Every environment before {@code name} in the pipeline, transitively. */
  private static Set<String> upstreamOf(Pipeline pipeline, String name) {
    Set<String> result = new HashSet<>();
    List<String> todo = new ArrayList<>(pipeline.environment(name).orElseThrow().after());
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (result.add(next)) {
        todo.addAll(pipeline.environment(next).orElseThrow().after());
      }
    }
    return result;
  }

  private static List<InstanceId> transitiveDependencies(DesiredState desired, Instance instance) {
    List<InstanceId> result = new ArrayList<>();
    List<InstanceId> todo = new ArrayList<>(instance.dependsOn());
    while (!todo.isEmpty()) {
      InstanceId next = todo.remove(todo.size() - 1);
      if (!result.contains(next)) {
        result.add(next);
        desired.instance(next).ifPresent(i -> todo.addAll(i.dependsOn()));
      }
    }
    return result;
  }
}
