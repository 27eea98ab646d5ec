package dev.converge.rollback;

import static dev.converge.testing.TestData.ABC;
import static dev.converge.testing.TestData.OLD;
import static dev.converge.testing.TestData.T0;
import static dev.converge.testing.TestData.XYZ;
import static dev.converge.testing.TestData.chain;
import static dev.converge.testing.TestData.deployed;
import static dev.converge.testing.TestData.deployment;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.affected.AffectedInstance;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.plan.GateState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RollbackTest {

  static final Instance PROD = instance("prod/a", "vpc");
  static final Instance PROD_EU = instance("prod/b", "vpc");

  static Deployment at(String revision, long hours) {
    return deployed(PROD.withSourceDigest("src-" + revision), revision, T0.plus(Duration.ofHours(hours)));
  }

  static RollbackTarget target(Ledger ledger, Optional<String> before) {
    List<RollbackTarget> targets = Rollback.of(chain()).withLedger(ledger)
        .targets(desired(PROD), "prod", "vpc", Optional.of("prod/a"), before);
    assertThat(targets).hasSize(1);
    return targets.get(0);
  }

  @Nested
  class Targets {

    @Test
    void targets_beforeARevision_newestSuccessfulDeploymentOfAnOlderTrunkRevision() {
      Ledger ledger = Ledger.of(at(OLD, 1), at(XYZ, 2), at(ABC, 3));

      RollbackTarget target = target(ledger, Optional.of(ABC));

      assertThat(target.target()).map(Deployment::revision).contains(XYZ);
      assertThat(target.current()).map(Deployment::revision).contains(ABC);
      assertThat(target.reasons().get(0)).startsWith("return to xyz7890");
    }

    @Test
    void targets_noRevisionGiven_theOneBeforeWhatRunsNow() {
      assertThat(target(Ledger.of(at(OLD, 1), at(XYZ, 2)), Optional.empty()).target()).map(Deployment::revision).contains(OLD);
    }

    @Test
    void targets_olderRevisionRedeployedLater_trunkOrderNotTimeOrder() {
      Ledger ledger = Ledger.of(at(XYZ, 1), at(ABC, 2), at(OLD, 3), at(ABC, 4));

      assertThat(target(ledger, Optional.of(ABC)).target()).map(Deployment::revision).contains(XYZ);
    }

    @Test
    void targets_failuresDestroysAndOffTrunkRevisions_skipped() {
      Deployment destroyed = at(XYZ, 2).withDestroy(true);
      Ledger ledger = Ledger.of(at(OLD, 1), destroyed,
          deployment(PROD, XYZ, T0.plus(Duration.ofHours(3)), Outcome.FAILURE),
          at("branch01", 4), at(ABC, 5));

      RollbackTarget target = target(ledger, Optional.of(ABC));

      assertThat(target.target()).map(Deployment::revision).contains(OLD);
      assertThat(target.reasons()).contains("skipped deployments of revisions not on trunk: branch0");
    }

    @Test
    void targets_nothingOlder_emptyWithReason() {
      RollbackTarget target = target(Ledger.of(at(ABC, 1)), Optional.of(ABC));

      assertThat(target.target()).isEmpty();
      assertThat(target.reasons()).containsExactly("no successful deployment of a trunk revision older than abc1234");
    }

    @Test
    void targets_revisionNotOnTrunk_emptyWithReason() {
      assertThat(target(Ledger.of(at(OLD, 1)), Optional.of("feat123")).reasons())
          .containsExactly("revision feat123 is not on trunk; give a trunk revision");
    }

    @Test
    void targets_neverDeployed_emptyWithReason() {
      assertThat(target(Ledger.empty(), Optional.empty()).reasons()).containsExactly("never deployed successfully: nothing to return to");
    }

    @Test
    void targets_noHistory_orderedByTime() {
      DesiredState noHistory = DesiredState.builder().revision(Revision.of(ABC)).addInstances(PROD).build();

      List<RollbackTarget> targets = Rollback.of(chain()).withLedger(Ledger.of(at(OLD, 1), at(XYZ, 2), at(ABC, 3)))
          .targets(noHistory, "prod", "vpc", Optional.empty(), Optional.empty());

      assertThat(targets.get(0).target()).map(Deployment::revision).contains(XYZ);
      assertThat(targets.get(0).reasons()).contains("no trunk history: ordered by deployment time");
    }

    @Test
    void targets_everyStackOfTheEnvironmentByStack() {
      List<RollbackTarget> targets = Rollback.of(chain()).withLedger(Ledger.empty())
          .targets(desired(PROD_EU, PROD, instance("dev/a", "vpc")), "prod", "vpc", Optional.empty(), Optional.empty());

      assertThat(targets).extracting(t -> t.instance().stack()).containsExactly("prod/a", "prod/b");
    }

    @Test
    void targets_unknownEnvironment_failsNamingIt() {
      assertThatThrownBy(() -> Rollback.of(chain()).targets(desired(PROD), "production", "vpc", Optional.empty(), Optional.empty()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("environment (production)");
    }
  }

  @Nested
  class Revert {

    @Test
    void revert_commitChangedVpc_changedInstancesInPipelineOrderThroughTheGates() {
      String[] stacks = {"dev/a", "staging/a", "prod/a"};
      List<Instance> head = java.util.Arrays.stream(stacks).flatMap(s -> java.util.stream.Stream.of(
          instance(s, "vpc", "vpc", "3"),
          instance(s, "eks").withDependsOn(List.of(InstanceId.of(s, "vpc"))),
          instance(s, "dns"))).toList();
      List<Instance> reverted = head.stream().map(i -> i.component().equals("vpc") ? i.withSourceDigest("src-vpc-v2") : i).toList();
      Ledger ledger = Ledger.of(head.stream().map(i -> deployed(i, ABC, T0)).toList());
      DesiredState headState = desired(head);
      DesiredState revertState = DesiredState.builder().revision(Revision.of("fedcba98765", T0.plusSeconds(60)))
          .addAllInstances(reverted).addHistory("fedcba98765").addAllHistory(headState.history()).build();

      RevertPlan plan = Rollback.of(chain()).withLedger(ledger).at(T0.plusSeconds(120))
          .revert(headState, revertState, ABC, List.of("components/terraform/vpc/main.tf"));

      assertThat(plan.changes().affected()).extracting(AffectedInstance::component)
          .containsExactly("eks", "vpc", "eks", "vpc", "eks", "vpc");
      assertThat(plan.order()).extracting(s -> s.environment() + " wave " + s.wave() + " " + s.instances().stream().map(InstanceId::render).toList())
          .containsExactly(
              "dev wave 1 [dev/a:vpc]", "staging wave 1 [staging/a:vpc]", "prod wave 1 [prod/a:vpc]");
      assertThat(plan.order()).extracting(RevertStep::gate)
          .containsExactly(GateState.OPEN, GateState.WAITING_UPSTREAM, GateState.WAITING_UPSTREAM);
      assertThat(plan.plan().revision()).isEqualTo("fedcba98765");
      assertThat(plan.reverted()).isEqualTo(ABC);
      assertThat(RollbackText.render(plan)).isEqualTo("""
          Revert abc1234: 6 instances change, rolled out as fedcba9 through the pipeline
            dev wave 1 (gate open): dev/a vpc
            staging wave 1 (gate waiting_upstream): staging/a vpc
            prod wave 1 (gate waiting_upstream): prod/a vpc
          """);
    }

    @Test
    void render_targetsAndRevert_readableLines() {
      Ledger ledger = Ledger.of(at(XYZ, 2), at(ABC, 3));
      List<RollbackTarget> targets = Rollback.of(chain()).withLedger(ledger)
          .targets(desired(PROD), "prod", "vpc", Optional.empty(), Optional.empty());

      assertThat(RollbackText.render(targets)).isEqualTo("""
          prod  prod/a  vpc
            now:       abc1234 (vpc, 2026-11-26T13:00:00Z, ci)
            return to: xyz7890 (vpc, 2026-11-26T12:00:00Z, ci)
            - return to xyz7890 (folder vpc, deployed 2026-11-26T12:00:00Z by ci), the newest successful deployment before abc1234
          """);
      assertThat(RollbackText.render(List.of())).startsWith("No instance");
    }

    @Test
    void revert_withoutAnInstant_failsNamingAt() {
      assertThatThrownBy(() -> Rollback.of(chain()).revert(desired(PROD), desired(PROD), ABC, List.of()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("at(Instant)");
    }
  }
}
