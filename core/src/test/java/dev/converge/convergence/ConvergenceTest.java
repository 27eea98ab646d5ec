package dev.converge.convergence;

import static dev.converge.testing.TestData.ABC;
import static dev.converge.testing.TestData.T0;
import static dev.converge.testing.TestData.XYZ;
import static dev.converge.testing.TestData.chain;
import static dev.converge.testing.TestData.deployed;
import static dev.converge.testing.TestData.deployment;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static dev.converge.testing.TestData.passed;
import static dev.converge.testing.TestData.seedPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.ComponentMetadata;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.model.FolderInventory;
import dev.converge.model.FolderKind;
import dev.converge.model.Instance;
import dev.converge.model.VendoredFolder;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.GateState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConvergenceTest {

  static final Instance DEV = instance("dev/us-east-1", "vpc");
  static final Instance STAGING = instance("staging/us-east-1", "vpc");
  static final Instance PROD = instance("prod/us-east-1", "vpc");

  /** The version xyz789 deployed everywhere a day before Time 0. */
  static List<LedgerRecord> previousRollout() {
    Instant before = T0.minus(Duration.ofDays(1));
    return new ArrayList<>(List.of(
        deployed(DEV.withSourceDigest("src-vpc-v1"), XYZ, before),
        deployed(STAGING.withSourceDigest("src-vpc-v1"), XYZ, before.plusSeconds(60)),
        deployed(PROD.withSourceDigest("src-vpc-v1"), XYZ, before.plusSeconds(120))));
  }

  static ConvergenceReport report(Pipeline pipeline, DesiredState desired, List<? extends LedgerRecord> records, Instant now) {
    return Convergence.of(pipeline).withLedger(Ledger.of(records)).at(now).report(desired);
  }

  static ComponentStatus vpc(ConvergenceReport report) {
    return report.component("vpc").orElseThrow();
  }

  static Instant minutes(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  @Nested
  class SeedWalkthrough {

    @Test
    void report_timeZeroDevDeployed_operationalWaitingOnStaging() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));

      ComponentStatus vpc = vpc(report(seedPipeline(), desired(DEV, STAGING, PROD), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.OPERATIONAL);
      assertThat(vpc.waitingOn()).contains("staging");
      assertThat(vpc.gate()).contains(GateState.WAITING_UPSTREAM);
      assertThat(vpc.cells()).extracting(Cell::environment, Cell::state, Cell::deployedRevision).containsExactly(
          org.assertj.core.groups.Tuple.tuple("dev", CellState.CURRENT, java.util.Optional.of(ABC)),
          org.assertj.core.groups.Tuple.tuple("staging", CellState.BEHIND, java.util.Optional.of(XYZ)),
          org.assertj.core.groups.Tuple.tuple("prod", CellState.BEHIND, java.util.Optional.of(XYZ)));
    }

    @Test
    void report_thirtyMinutesStagingDeployed_operationalWaitingOnProd() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));
      ledger.add(passed("dev", ABC, "smoke", minutes(10)));
      ledger.add(deployed(STAGING, ABC, minutes(45)));

      ComponentStatus vpc = vpc(report(seedPipeline(), desired(DEV, STAGING, PROD), ledger, minutes(50)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.OPERATIONAL);
      assertThat(vpc.waitingOn()).contains("prod");
      assertThat(vpc.cells()).extracting(Cell::state)
          .containsExactly(CellState.CURRENT, CellState.CURRENT, CellState.BEHIND);
    }

    @Test
    void render_convergedComponent_onlyInTheMatrix() {
      List<LedgerRecord> ledger = List.of(deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(PROD, ABC, minutes(3)));

      String text = ConvergenceText.render(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(10)));

      assertThat(text).contains("vpc        converged  current  current  current").doesNotContain("prod/us-east-1");
    }

    @Test
    void report_twoHoursProdDeployed_converged() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));
      ledger.add(passed("dev", ABC, "smoke", minutes(10)));
      ledger.add(deployed(STAGING, ABC, minutes(45)));
      ledger.add(passed("staging", ABC, "integration", minutes(50)));
      ledger.add(Approval.builder().at(minutes(60)).environment("prod").revision(ABC).approver("alice").build());
      ledger.add(deployed(PROD, ABC, minutes(175)));

      ConvergenceReport report = report(seedPipeline(), desired(DEV, STAGING, PROD), ledger, minutes(180));

      assertThat(vpc(report).divergenceClass()).isEqualTo(DivergenceClass.CONVERGED);
      assertThat(vpc(report).reasons()).isEmpty();
      assertThat(vpc(report).waitingOn()).isEmpty();
      assertThat(report.environments()).extracting(EnvironmentStatus::gate)
          .containsOnly(GateState.DONE);
    }

    @Test
    void report_prodBehindLongerThanTheWindow_drift() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));
      ledger.add(deployed(STAGING, ABC, minutes(45)));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, T0.plus(Duration.ofHours(25))));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.DRIFT);
      assertThat(vpc.reasons().get(0)).contains("prod/us-east-1 behind since " + T0)
          .contains("longer than the rollout window (1d)");
    }
  }

  @Nested
  class Cells {

    @Test
    void report_newestDeploymentFailed_failedCellAndBlocked() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployment(DEV, ABC, minutes(5), Outcome.FAILURE));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(10)));

      assertThat(vpc.cells().get(0).state()).isEqualTo(CellState.FAILED);
      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.BLOCKED);
      assertThat(vpc.reasons().get(0)).startsWith("dev/us-east-1: deployment at abc1234 failed");
    }

    @Test
    void report_noDeployment_neverDeployed() {
      ComponentStatus vpc = vpc(report(chain(), desired(DEV), List.of(), minutes(10)));

      assertThat(vpc.cells()).extracting(Cell::state).containsExactly(CellState.NEVER_DEPLOYED);
      assertThat(vpc.cells().get(0).deployedRevision()).isEmpty();
      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.OPERATIONAL);
    }

    @Test
    void report_disabledInstance_disabledCellThatCountsForNothing() {
      Instance disabled = PROD.withMetadata(ComponentMetadata.builder().enabled(false).build());
      List<LedgerRecord> ledger = List.of(deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, disabled), ledger, minutes(10)));

      assertThat(vpc.cells()).extracting(Cell::state)
          .containsExactly(CellState.CURRENT, CellState.CURRENT, CellState.DISABLED);
      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.CONVERGED);
    }

    @Test
    void report_abstractInstance_leftOut() {
      Instance base = instance("dev/us-east-1", "vpc-base")
          .withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());

      ConvergenceReport report = report(chain(), desired(DEV, base), List.of(deployed(DEV, ABC, minutes(1))), minutes(5));

      assertThat(report.components()).extracting(ComponentStatus::component).containsExactly("vpc");
    }

    @Test
    void report_cellsInPipelineOrderWhateverTheInputOrder() {
      ComponentStatus vpc = vpc(report(chain(), desired(PROD, DEV, STAGING), List.of(), minutes(1)));

      assertThat(vpc.cells()).extracting(Cell::environment).containsExactly("dev", "staging", "prod");
    }

    @Test
    void report_stackInNoEnvironment_problemAndLeftOut() {
      Instance lost = instance("qa/us-east-1", "vpc");

      ConvergenceReport report = report(chain(), desired(DEV, lost), List.of(), minutes(1));

      assertThat(vpc(report).cells()).hasSize(1);
      assertThat(report.problems()).singleElement()
          .satisfies(p -> assertThat(p.rule()).isEqualTo("stack-environment"))
          .satisfies(p -> assertThat(p.stack()).contains("qa/us-east-1"));
    }
  }

  @Nested
  class Classes {

    final Instance devV2 = instance("dev/us-east-1", "database", "database/v2", "1");
    final Instance stagingV2 = instance("staging/us-east-1", "database", "database/v2", "1");
    final Instance prodV1 = instance("prod/us-east-1", "database", "database/v1", "1");
    final List<LedgerRecord> allDeployed = List.of(deployed(devV2, ABC, minutes(1)), deployed(stagingV2, ABC, minutes(2)),
        deployed(prodV1, ABC, minutes(3)));
    final DivergenceDeclaration upgrade = DivergenceDeclaration.builder()
        .component("database").addEnvironments("dev", "staging").reason("PostgreSQL 15 upgrade under test")
        .owner("team-data").convergeBy(LocalDate.parse("2027-01-15")).criteria("four weeks of p99 latency parity")
        .build();

    ComponentStatus database(Pipeline pipeline, Instant now) {
      return report(pipeline, desired(devV2, stagingV2, prodV1), allDeployed, now).component("database").orElseThrow();
    }

    @Test
    void report_versionsDeclaredCentrally_planned() {
      ComponentStatus database = database(chain().withDivergences(List.of(upgrade)), Instant.parse("2027-01-15T23:00:00Z"));

      assertThat(database.divergenceClass()).isEqualTo(DivergenceClass.PLANNED);
      assertThat(database.convergeBy()).contains(LocalDate.parse("2027-01-15"));
      assertThat(database.reasons()).containsExactly("dev, staging on database/v2; prod on database/v1 "
          + "(declared: PostgreSQL 15 upgrade under test, owner team-data, converge by 2027-01-15)");
    }

    @Test
    void report_dayAfterConvergeBy_plannedOverdue() {
      ComponentStatus database = database(chain().withDivergences(List.of(upgrade)), Instant.parse("2027-01-16T00:00:00Z"));

      assertThat(database.divergenceClass()).isEqualTo(DivergenceClass.PLANNED_OVERDUE);
      assertThat(database.reasons().get(0)).endsWith("overdue since 2027-01-16");
    }

    @Test
    void report_versionsDeclaredOnTheInstance_planned() {
      DivergenceDeclaration onInstance = DivergenceDeclaration.builder().reason("upgrade").build();
      DesiredState desired = desired(devV2.withDivergence(onInstance), stagingV2.withDivergence(onInstance), prodV1);

      ComponentStatus database = report(chain(), desired, allDeployed, minutes(10)).component("database").orElseThrow();

      assertThat(database.divergenceClass()).isEqualTo(DivergenceClass.PLANNED);
      assertThat(database.convergeBy()).isEmpty();
    }

    @Test
    void report_declarationMissesAnEnvironment_undeclared() {
      DivergenceDeclaration devOnly = upgrade.withEnvironments(List.of("dev"));

      ComponentStatus database = database(chain().withDivergences(List.of(devOnly)), minutes(10));

      assertThat(database.divergenceClass()).isEqualTo(DivergenceClass.UNDECLARED);
      assertThat(database.reasons().get(0)).endsWith("nothing declares why staging diverge from database/v1");
    }

    @Test
    void report_versionsWithoutDeclaration_undeclared() {
      assertThat(database(chain(), minutes(10)).divergenceClass()).isEqualTo(DivergenceClass.UNDECLARED);
    }

    @Test
    void report_experimentFolder_experiment() {
      Instance experiment = instance("dev/us-east-1", "vpc", "vpc-experiment", "1");
      List<LedgerRecord> ledger = List.of(deployed(experiment, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(PROD, ABC, minutes(3)));

      ComponentStatus vpc = vpc(report(chain(), desired(experiment, STAGING, PROD), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.EXPERIMENT);
      assertThat(vpc.cells().get(0).folderKind()).isEqualTo(FolderKind.EXPERIMENT);
      assertThat(vpc.reasons()).containsExactly("dev (dev/us-east-1) runs experiment folder vpc-experiment");
    }

    @Test
    void report_hotfixFolder_emergency() {
      Instance hotfix = instance("prod/us-east-1", "vpc", "vpc-hotfix", "1");
      List<LedgerRecord> ledger = List.of(deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(hotfix, ABC, minutes(3)));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, hotfix), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.EMERGENCY);
    }

    @Test
    void report_releaseTracks_plannedByTheTracks() {
      Pipeline pipeline = chain().withTracks(List.of("alpha", "beta", "stable"));
      Instance alpha = instance("dev/us-east-1", "vpc", "alpha/vpc", "3");
      Instance beta = instance("staging/us-east-1", "vpc", "beta/vpc", "2");
      Instance stable = instance("prod/us-east-1", "vpc", "stable/vpc", "1");
      List<LedgerRecord> ledger = List.of(deployed(alpha, ABC, minutes(1)), deployed(beta, ABC, minutes(2)),
          deployed(stable, ABC, minutes(3)));

      ComponentStatus vpc = vpc(report(pipeline, desired(alpha, beta, stable), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.PLANNED);
      assertThat(vpc.cells()).extracting(Cell::folderKind).containsOnly(FolderKind.RELEASE_TRACK);
      assertThat(vpc.reasons()).containsExactly(
          "dev on alpha/vpc; staging on beta/vpc; prod on stable/vpc (release tracks alpha → beta → stable)");
    }

    @Test
    void report_strictPinLeftBehind_undeclaredAndHowFarBehind() {
      Instance pinned = instance("prod/us-east-1", "vpc", "vpc/1.2.3", "1");
      FolderInventory folders = FolderInventory.builder().addFolders("vpc", "vpc/1.2.3", "vpc/1.3.0", "vpc/1.10.0")
          .addVendored(VendoredFolder.of("vpc/1.2.3", "1.2.3")).build();
      List<LedgerRecord> ledger = List.of(deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(pinned, ABC, minutes(3)));

      ComponentStatus vpc = vpc(Convergence.of(chain()).withLedger(Ledger.of(ledger)).withFolders(folders)
          .at(minutes(10)).report(desired(DEV, STAGING, pinned)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.UNDECLARED);
      assertThat(vpc.cells().get(2).folderKind()).isEqualTo(FolderKind.STRICT_PIN);
      assertThat(vpc.reasons()).contains("vpc/1.2.3 is a strict pin 2 versions behind vpc/1.10.0");
    }

    @Test
    void report_deployedFromRevisionNotOnTrunk_drift() {
      List<LedgerRecord> ledger = List.of(deployed(DEV, "branch99", minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(PROD, ABC, minutes(3)));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.DRIFT);
      assertThat(vpc.reasons()).containsExactly("dev/us-east-1 was deployed from revision branch9, which is not on trunk");
    }

    @Test
    void report_driftRecordOnUpToDateInstance_drift() {
      List<LedgerRecord> ledger = List.of(deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)),
          deployed(PROD, ABC, minutes(3)),
          Drift.builder().at(minutes(60)).instance(PROD.id()).revision(ABC).changes(3).build());

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(90)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.DRIFT);
      assertThat(vpc.reasons().get(0)).contains("showed 3 changes on an up-to-date instance");
    }

    @Test
    void report_driftRecordOlderThanTheDeployment_converged() {
      List<LedgerRecord> ledger = List.of(Drift.builder().at(minutes(0)).instance(PROD.id()).revision(XYZ).changes(3).build(),
          deployed(DEV, ABC, minutes(1)), deployed(STAGING, ABC, minutes(2)), deployed(PROD, ABC, minutes(3)));

      assertThat(vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(90))).divergenceClass())
          .isEqualTo(DivergenceClass.CONVERGED);
    }

    @Test
    void report_sourceDeployedElsewhereDaysAgo_driftSinceThen() {
      Instant threeDaysAgo = T0.minus(Duration.ofDays(3));
      List<LedgerRecord> ledger = List.of(deployed(DEV, XYZ, threeDaysAgo),
          deployed(PROD.withSourceDigest("src-vpc-v1"), XYZ, threeDaysAgo));

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, PROD), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.DRIFT);
      assertThat(vpc.reasons().get(0)).contains("behind since " + threeDaysAgo);
    }

    @Test
    void report_revisionMarkedBad_blocked() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(BadRevision.builder().at(minutes(1)).revision(ABC).reason("breaks NAT").build());

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(10)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.BLOCKED);
      assertThat(vpc.gate()).contains(GateState.BLOCKED);
      assertThat(vpc.reasons().get(0)).contains("marked bad: breaks NAT");
    }

    @Test
    void report_manyStacksBehind_summarisedPerEnvironment() {
      List<Instance> instances = new ArrayList<>();
      List<LedgerRecord> ledger = new ArrayList<>();
      for (int s = 0; s < 5; s++) {
        Instance dev = instance("dev/s" + s, "vpc");
        Instance prod = instance("prod/s" + s, "vpc");
        instances.add(dev);
        instances.add(prod);
        ledger.add(deployed(dev.withSourceDigest("old"), XYZ, T0.minusSeconds(60)));
        ledger.add(deployed(prod.withSourceDigest("old"), XYZ, T0.minusSeconds(60)));
      }
      ledger.add(deployed(instances.get(0), ABC, minutes(1)));

      ComponentStatus vpc = vpc(report(chain(), desired(instances), ledger, minutes(10)));

      assertThat(vpc.reasons().get(0)).startsWith("dev (4 of 5 stacks), prod are behind abc1234 (landed 10m ago");
    }

    @Test
    void report_revisionLandsAfterTheInstant_saysSoInsteadOfANegativeAge() {
      ComponentStatus vpc = vpc(report(chain(), desired(DEV), List.of(), T0.minusSeconds(3600)));

      assertThat(vpc.reasons().get(0)).contains("(landed " + T0 + ", after the report's instant; rollout window 1d)");
    }

    @Test
    void report_lockedAndBehind_saysSo() {
      Instance locked = PROD.withMetadata(ComponentMetadata.builder().locked(true).build());
      List<LedgerRecord> ledger = previousRollout();

      ComponentStatus vpc = vpc(report(chain(), desired(DEV, STAGING, locked), ledger, minutes(10)));

      assertThat(vpc.reasons()).contains("prod/us-east-1 is locked (metadata.locked: true): the pipeline never changes it");
    }

    @Test
    void report_driftAndExperiment_driftFirstAndBothReasons() {
      Instance experiment = instance("dev/us-east-1", "vpc", "vpc-experiment", "1");
      List<LedgerRecord> ledger = List.of(deployed(experiment, ABC, minutes(1)),
          deployed(PROD.withSourceDigest("src-vpc-v1"), XYZ, T0.minus(Duration.ofDays(3))));

      ComponentStatus vpc = vpc(report(chain(), desired(experiment, PROD), ledger, T0.plus(Duration.ofDays(2))));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.DRIFT);
      assertThat(vpc.reasons()).hasSize(2);
      assertThat(vpc.reasons().get(1)).contains("experiment folder");
    }
  }

  @Nested
  class Parity {

    @Test
    void report_varsEqualEverywhere_sharedAndNoOverrides() {
      Map<String, Object> shared = Map.of("enable_dns_hostnames", true, "enable_dns_support", true);
      Instance dev = DEV.withVars(Map.of("enable_dns_hostnames", true, "enable_dns_support", true, "cidr_block", "10.0.0.0/16"));
      Instance prod = PROD.withVars(Map.of("enable_dns_hostnames", true, "enable_dns_support", true, "cidr_block", "10.2.0.0/16",
          "enable_nat_gateway", true));

      ComponentStatus vpc = vpc(report(chain(), desired(dev, prod), List.of(), minutes(1)));

      assertThat(vpc.sharedVars()).containsExactlyElementsOf(new java.util.TreeSet<>(shared.keySet()));
      assertThat(vpc.cells()).extracting(Cell::overriddenVars).containsExactly(
          List.of("cidr_block"), List.of("cidr_block", "enable_nat_gateway"));
    }

    @Test
    void report_parityIsNotDivergence_converged() {
      Instance dev = DEV.withVars(Map.of("cidr_block", "10.0.0.0/16"));
      Instance prod = PROD.withVars(Map.of("cidr_block", "10.2.0.0/16"));

      ComponentStatus vpc = vpc(report(chain(), desired(dev, prod),
          List.of(deployed(dev, ABC, minutes(1)), deployed(prod, ABC, minutes(2))), minutes(3)));

      assertThat(vpc.divergenceClass()).isEqualTo(DivergenceClass.CONVERGED);
    }
  }

  @Nested
  class Report {

    @Test
    void report_withoutAnInstant_failsNamingAt() {
      assertThatThrownBy(() -> Convergence.of(chain()).report(desired(DEV)))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("at(Instant)");
    }

    @Test
    void report_withTheSamePlan_equalReport() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));
      Convergence convergence = Convergence.of(chain()).withLedger(Ledger.of(ledger)).at(minutes(10));
      dev.converge.plan.RolloutPlan plan = dev.converge.RolloutPlanner.of(chain()).withLedger(Ledger.of(ledger))
          .at(minutes(10)).plan(desired(DEV, STAGING, PROD));

      assertThat(convergence.report(desired(DEV, STAGING, PROD), plan)).isEqualTo(convergence.report(desired(DEV, STAGING, PROD)));
    }

    @Test
    void report_withAPlanForAnotherInstant_failsNamingBoth() {
      dev.converge.plan.RolloutPlan plan = dev.converge.RolloutPlanner.of(chain()).at(minutes(1)).plan(desired(DEV));

      assertThatThrownBy(() -> Convergence.of(chain()).at(minutes(10)).report(desired(DEV), plan))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan (abc1234def at " + minutes(1) + ")");
    }

    @Test
    void report_componentsByNameAndEnvironmentsInPipelineOrder() {
      ConvergenceReport report = report(chain(), desired(instance("dev/a", "zeta"), instance("prod/a", "alpha")), List.of(),
          minutes(1));

      assertThat(report.components()).extracting(ComponentStatus::component).containsExactly("alpha", "zeta");
      assertThat(report.environments()).extracting(EnvironmentStatus::name).containsExactly("dev", "staging", "prod");
      assertThat(report.revision()).isEqualTo(ABC);
    }

    @Test
    void report_environmentCountsCellsByState() {
      List<LedgerRecord> ledger = previousRollout();
      ledger.add(deployed(DEV, ABC, minutes(5)));

      ConvergenceReport report = report(chain(), desired(DEV, STAGING, PROD), ledger, minutes(10));

      assertThat(report.environments().get(0).cells()).containsExactly(Map.entry(CellState.CURRENT, 1));
      assertThat(report.environments().get(1).cells()).containsExactly(Map.entry(CellState.BEHIND, 1));
    }
  }
}
