package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Approval;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.RolloutPlan;
import dev.converge.testkit.ConvergenceDriver;
import dev.converge.testkit.PropertyCheck;
import dev.converge.testkit.Scenario;
import dev.converge.testkit.ScenarioGenerator;
import dev.converge.yaml.AtmosRepository;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a platform team writes against its own {@code rollout.yaml}: the pipeline is read from the
 * repository, the testkit generates estates and ledgers over it, and the team's rules are checked
 * on every plan, including every plan on the way to convergence.
 */
class MyRolloutRulesProperties {

  // @start region="user-properties"
  static final Pipeline OURS = AtmosRepository.open(Path.of("infra")).load().pipeline().orElseThrow();

  static Stream<Scenario> ourEstates() {
    return LongStream.range(0, 200).mapToObj(seed -> ScenarioGenerator.withSeed(seed).convergent().scenario(OURS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourEstates")
  void prod_neverWithoutApprovalNorOutsideTheWindow(Scenario estate) {
    PropertyCheck.holds(estate, s -> {
      ConvergenceDriver driver = ConvergenceDriver.of(s);
      driver.drive(500, plan -> {
        for (Action action : plan.next()) {
          if (action.environment().equals("prod")) {
            assertThat(approvedIn(driver.ledger().recordsOf(Approval.class), plan.revision()))
                .as("prod approved at %s", plan.revision()).isTrue();
            assertThat(OURS.environment("prod").orElseThrow().inWindow(plan.at())).isTrue();
          }
        }
      });
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ourEstates")
  void everyEstate_convergesAndUsEast1LeadsProd(Scenario estate) {
    PropertyCheck.holds(estate, s -> {
      ConvergenceDriver driver = ConvergenceDriver.of(s);
      RolloutPlan last = driver.drive(500, plan -> {
        boolean usEast1Pending = plan.environment("prod").orElseThrow().changes().stream()
            .anyMatch(a -> a.stack().equals("prod/us-east-1"));
        if (usEast1Pending) {
          assertThat(plan.next()).noneMatch(a -> a.stack().equals("prod/eu-west-1"));
        }
      });
      assertThat(last.isConverged()).isTrue();
    });
  }
  // @end region="user-properties"

  static boolean approvedIn(Iterable<Approval> approvals, String revision) {
    for (Approval approval : approvals) {
      if (approval.environment().equals("prod") && approval.revision().equals(revision)) {
        return true;
      }
    }
    return false;
  }
}
