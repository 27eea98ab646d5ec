package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.Problem;
import dev.converge.lint.LintRule;
import dev.converge.lint.Linter;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.rollback.Rollback;
import dev.converge.rollback.RollbackTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of lint and rollback over generated estates, 200 seeded cases each, the seed in the name. */
class LintProperties {

  static final int CASES = 200;
  static final Set<String> RULES = Arrays.stream(LintRule.values()).map(LintRule::id).collect(Collectors.toSet());

  static Stream<Scenario> scenarios() {
    return ScenarioGenerator.cases(20261204, CASES);
  }

  /** The scenario with seeded damage: unknown dependencies, cycles, experiments. */
  static List<Instance> damaged(Scenario s) {
    Random random = new Random(s.seed());
    List<Instance> instances = new ArrayList<>();
    for (Instance i : s.desired().instances()) {
      int roll = random.nextInt(8);
      if (roll == 0) {
        List<InstanceId> deps = new ArrayList<>(i.dependsOn());
        deps.add(InstanceId.of(i.stack(), "missing"));
        instances.add(i.withDependsOn(deps));
      } else if (roll == 1) {
        instances.add(i.withFolder(i.folder() + "-experiment"));
      } else if (roll == 2) {
        instances.add(i.withDependsOn(List.of(InstanceId.of(i.stack(), "c0"))));
      } else {
        instances.add(i);
      }
    }
    return instances;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void lint_generatedEstates_problemsAsDataWithKnownRulesNeverAnotherException(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      List<Problem> problems = Linter.of(s.pipeline()).at(s.now()).lint(s.desired().withInstances(damaged(s)));

      assertThat(problems).allSatisfy(p -> {
        assertThat(RULES).contains(p.rule());
        assertThat(p.fix()).isPresent();
      });
      assertThat(problems).doesNotHaveDuplicates();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void lint_generatedEstatesUndamaged_errorsOnlyForDependenciesThatAreReallyMissing(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      Set<InstanceId> ids = s.desired().instances().stream().map(Instance::id).collect(Collectors.toSet());
      long dangling = s.desired().instances().stream().flatMap(i -> i.dependsOn().stream()).filter(d -> !ids.contains(d)).count();

      List<Problem> errors = Linter.of(s.pipeline()).at(s.now()).lint(s.desired()).stream().filter(Problem::isError).toList();

      assertThat(errors).allSatisfy(p -> assertThat(p.rule()).isEqualTo(LintRule.DEPENDS_ON_UNKNOWN.id()));
      assertThat(errors).hasSize((int) dangling);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void rollback_targetIsAlwaysAnOlderTrunkRevisionThanThePivot(Scenario scenario) {
    PropertyCheck.holds(scenario, s -> {
      List<String> history = s.desired().history();
      for (var environment : s.pipeline().environments()) {
        for (String component : s.desired().instances().stream().map(Instance::component).distinct().toList()) {
          for (RollbackTarget t : Rollback.of(s.pipeline()).withLedger(s.ledger())
              .targets(s.desired(), environment.name(), component, Optional.empty(), Optional.of(history.get(0)))) {
            t.target().ifPresent(d -> {
              assertThat(history).contains(d.revision());
              assertThat(history.indexOf(d.revision())).isGreaterThan(0);
              assertThat(d.isSuccess()).isTrue();
            });
          }
        }
      }
    });
  }
}
