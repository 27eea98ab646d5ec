package dev.converge;

import static dev.converge.Fixtures.T0;
import static dev.converge.Fixtures.approval;
import static dev.converge.Fixtures.chain;
import static dev.converge.Fixtures.check;
import static dev.converge.Fixtures.deployed;
import static dev.converge.Fixtures.deployment;
import static dev.converge.Fixtures.desired;
import static dev.converge.Fixtures.env;
import static dev.converge.Fixtures.instance;
import static dev.converge.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.converge.diagnostic.Problem;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Hold;
import dev.converge.plan.ActionCause;
import dev.converge.plan.CauseKind;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.ledger.Release;
import dev.converge.model.ComponentMetadata;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Freeze;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackWave;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.ConditionKind;
import dev.converge.plan.GateCondition;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import dev.converge.plan.StaleRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RolloutPlannerTest {

  static RolloutPlan plan(Pipeline pipeline, DesiredState desired, Instant now, LedgerRecord... records) {
    return RolloutPlanner.of(pipeline).withLedger(Ledger.of(records)).at(now).plan(desired);
  }

  static EnvironmentPlan envPlan(RolloutPlan plan, String name) {
    return plan.environment(name).orElseThrow();
  }

  static Action action(RolloutPlan plan, String stack, String component) {
    return plan.environments().stream().flatMap(e -> e.actions().stream())
        .filter(a -> a.instance().equals(InstanceId.of(stack, component))).findFirst().orElseThrow();
  }

  static Map<String, Integer> waves(EnvironmentPlan environment) {
    return environment.actions().stream().filter(a -> a.wave().isPresent())
        .collect(Collectors.toMap(a -> a.instance().render(), a -> a.wave().getAsInt()));
  }

  @Nested
  class Actions {

    @Test
    void plan_neverDeployed_creates() {
      RolloutPlan plan = plan(chain(), desired("r1", instance("dev/a", "vpc", "1")), T0);

      assertThat(action(plan, "dev/a", "vpc").kind()).isEqualTo(ActionKind.CREATE);
      assertThat(action(plan, "dev/a", "vpc").reasons()).containsExactly("never deployed");
    }

    @Test
    void plan_sameDigests_noop() {
      Instance vpc = instance("dev/a", "vpc", "1");
      RolloutPlan plan = plan(chain(), desired("r2", vpc), T0, deployed(vpc, "r1", T0.minusSeconds(60)));

      assertThat(action(plan, "dev/a", "vpc").kind()).isEqualTo(ActionKind.NOOP);
      assertThat(action(plan, "dev/a", "vpc").wave()).isEmpty();
      assertThat(envPlan(plan, "dev").gate().state()).isEqualTo(GateState.DONE);
    }

    @Test
    void plan_configDigestDiffers_updatesWithReason() {
      Instance vpc = instance("dev/a", "vpc", "1");
      Instance changed = vpc.withConfigDigest("cfg-new");
      RolloutPlan plan = plan(chain(), desired("r2", changed), T0, deployed(vpc, "r1", T0.minusSeconds(60)));

      assertThat(action(plan, "dev/a", "vpc").kind()).isEqualTo(ActionKind.UPDATE);
      assertThat(action(plan, "dev/a", "vpc").reasons()).containsExactly("configuration changed");
      assertThat(action(plan, "dev/a", "vpc").fromRevision()).hasValue("r1");
    }

    @Test
    void plan_folderChanged_saysFromWhichFolder() {
      Instance vpc = instance("dev/a", "vpc", "1");
      Instance experiment = vpc.withFolder("vpc-experiment").withSourceDigest("src-exp");
      RolloutPlan plan = plan(chain(), desired("r2", experiment), T0, deployed(vpc, "r1", T0.minusSeconds(60)));

      assertThat(action(plan, "dev/a", "vpc").reasons()).containsExactly("folder changed from vpc to vpc-experiment");
    }

    @Test
    void plan_disabledAbstractOrLocked_skipsWithReason() {
      Instance disabled = instance("dev/a", "vpc", "1")
          .withMetadata(ComponentMetadata.builder().enabled(false).build());
      Instance locked = instance("dev/a", "eks", "1").withMetadata(ComponentMetadata.builder().locked(true).build());
      Instance base = instance("dev/a", "base", "1")
          .withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());

      RolloutPlan plan = plan(chain(), desired("r1", disabled, locked, base), T0);

      assertThat(plan.environments()).flatExtracting(EnvironmentPlan::actions)
          .extracting(Action::kind).containsOnly(ActionKind.SKIP);
      assertThat(action(plan, "dev/a", "vpc").reasons()).containsExactly("disabled (metadata.enabled: false)");
      assertThat(action(plan, "dev/a", "eks").reasons().get(0)).startsWith("locked");
      assertThat(action(plan, "dev/a", "base").reasons().get(0)).startsWith("abstract");
      assertThat(plan.next()).isEmpty();
    }

    @Test
    void plan_everyAction_causesAsDataOnePerReasonInOrder() {
      Instance vpc = instance("dev/a", "vpc", "1");
      Instance moved = vpc.withFolder("vpc-experiment").withSourceDigest("src-exp").withConfigDigest("cfg-exp");
      Instance fresh = instance("dev/a", "eks", "1");
      Instance base = instance("dev/a", "base", "1")
          .withMetadata(ComponentMetadata.builder().type(ComponentType.ABSTRACT).build());
      Instance gone = instance("dev/a", "old", "1");
      Hold hold = Hold.builder().at(T0).environment("dev").component("eks").reason("NAT issue").build();

      RolloutPlan plan = plan(chain(), desired("r2", moved, fresh, base), T0,
          deployed(vpc, "r1", T0.minusSeconds(60)), deployed(gone, "r1", T0.minusSeconds(60)), hold);

      assertThat(action(plan, "dev/a", "vpc").causes()).extracting(ActionCause::kind)
          .containsExactly(CauseKind.FOLDER_CHANGED, CauseKind.CONFIGURATION_CHANGED);
      assertThat(action(plan, "dev/a", "vpc").causes().get(0).from()).hasValue("vpc");
      assertThat(action(plan, "dev/a", "vpc").causes().get(0).to()).hasValue("vpc-experiment");
      assertThat(action(plan, "dev/a", "eks").causes()).extracting(ActionCause::kind)
          .containsExactly(CauseKind.NEVER_DEPLOYED, CauseKind.HELD);
      assertThat(action(plan, "dev/a", "eks").causes().get(1).detail()).hasValue("NAT issue");
      assertThat(action(plan, "dev/a", "eks").causes().get(1).since()).hasValue(T0);
      assertThat(action(plan, "dev/a", "base").causes()).extracting(ActionCause::kind)
          .containsExactly(CauseKind.ABSTRACT);
      assertThat(action(plan, "dev/a", "old").causes()).extracting(ActionCause::kind).containsExactly(CauseKind.ABSENT);
      assertThat(action(plan, "dev/a", "old").causes().get(0).to()).hasValue("r2");
      assertThat(plan.environments()).flatExtracting(EnvironmentPlan::actions).allSatisfy(a ->
          assertThat(a.causes()).extracting(ActionCause::text).isEqualTo(a.reasons()));
    }

    @Test
    void plan_deployedButAbsent_destroysOnlyWithApproval() {
      Instance gone = instance("dev/a", "old", "1");
      Instance vpc = instance("dev/a", "vpc", "1");
      LedgerRecord[] ledger = {deployed(gone, "r1", T0.minusSeconds(60)), deployed(vpc, "r1", T0.minusSeconds(60))};

      RolloutPlan unapproved = plan(chain(), desired("r2", vpc), T0, ledger);
      assertThat(action(unapproved, "dev/a", "old").kind()).isEqualTo(ActionKind.DESTROY);
      assertThat(envPlan(unapproved, "dev").gate().state()).isEqualTo(GateState.AWAITING_APPROVAL);
      assertThat(unapproved.next()).isEmpty();

      LedgerRecord[] approved = List.of(ledger[0], ledger[1], approval("dev", "r2", "alice", T0)).toArray(LedgerRecord[]::new);
      assertThat(plan(chain(), desired("r2", vpc), T0, approved).next())
          .extracting(Action::kind).containsExactly(ActionKind.DESTROY);
    }

    @Test
    void plan_destroyRecorded_isGone() {
      Instance gone = instance("dev/a", "old", "1");
      Deployment destroyed = deployed(gone, "r2", T0).withDestroy(true);
      RolloutPlan plan = plan(chain(), desired("r2", instance("dev/a", "vpc", "1")), T0.plusSeconds(1),
          deployed(gone, "r1", T0.minusSeconds(60)), destroyed);

      assertThat(plan.environments()).flatExtracting(EnvironmentPlan::actions)
          .extracting(a -> a.instance().component()).containsExactly("vpc");
    }

    @Test
    void plan_stackInNoEnvironment_isAProblem() {
      RolloutPlan plan = plan(chain(), desired("r1", instance("qa/a", "vpc", "1")), T0);

      assertThat(plan.problems()).extracting(Problem::rule).containsExactly("stack-environment");
      assertThat(plan.problems().get(0).message()).contains("qa/a");
      assertThat(plan.problems().get(0).fix()).isPresent();
    }

    @Test
    void plan_withoutInstant_failsNamingTheCall() {
      assertThatThrownBy(() -> RolloutPlanner.of(chain()).plan(desired("r1")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("at(Instant)");
    }
  }

  @Nested
  class Waves {

    static Instance dependent(String stack, String component, String... deps) {
      return instance(stack, component, "1")
          .withDependsOn(java.util.Arrays.stream(deps).map(d -> InstanceId.of(stack, d)).toList());
    }

    @Test
    void plan_dependsOnChain_dependencyFirst() {
      RolloutPlan plan = plan(chain(), desired("r1",
          dependent("dev/a", "app", "eks"), dependent("dev/a", "eks", "vpc"), dependent("dev/a", "vpc"),
          dependent("dev/a", "dns")), T0);

      assertThat(waves(envPlan(plan, "dev"))).containsOnly(
          Map.entry("dev/a:vpc", 1), Map.entry("dev/a:dns", 1), Map.entry("dev/a:eks", 2), Map.entry("dev/a:app", 3));
      assertThat(plan.next()).extracting(a -> a.instance().component()).containsExactly("dns", "vpc");
    }

    @Test
    void plan_unchangedMiddle_stillOrdersAcrossIt() {
      Instance eks = dependent("dev/a", "eks", "vpc");
      RolloutPlan plan = plan(chain(), desired("r2",
          dependent("dev/a", "app", "eks"), eks, dependent("dev/a", "vpc")), T0, deployed(eks, "r1", T0));

      assertThat(waves(envPlan(plan, "dev"))).containsOnly(Map.entry("dev/a:vpc", 1), Map.entry("dev/a:app", 2));
    }

    @Test
    void plan_cycleThroughAHundredThousandInstances_isOneProblemNotAStackOverflow() {
      // c00000 -> c00001 -> ... -> c99999 -> c00000: one component, found without recursion
      int n = 100_000;
      Instance[] ring = new Instance[n];
      for (int i = 0; i < n; i++) {
        ring[i] = dependent("dev/a", String.format("c%05d", i), String.format("c%05d", (i + 1) % n));
      }

      RolloutPlan plan = plan(chain(), desired("r1", ring), T0);

      assertThat(plan.problems()).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("dependency-cycle");
        assertThat(p.message()).contains("dev/a:c00000", "dev/a:c99999");
      });
      assertThat(plan.next()).isEmpty();
    }

    @Test
    void plan_cycle_problemNamesEveryMemberAndNothingOfItRuns() {
      RolloutPlan plan = plan(chain(), desired("r1",
          dependent("dev/a", "a", "c"), dependent("dev/a", "b", "a"), dependent("dev/a", "c", "b"),
          dependent("dev/a", "d", "c"), dependent("dev/a", "free")), T0);

      assertThat(plan.problems()).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("dependency-cycle");
        assertThat(p.message()).contains("dev/a:a", "dev/a:b", "dev/a:c").doesNotContain("dev/a:d,");
      });
      assertThat(plan.next()).extracting(a -> a.instance().component()).containsExactly("free");
      assertThat(action(plan, "dev/a", "d").wave()).isEmpty();
      assertThat(action(plan, "dev/a", "d").reasons()).contains("waits on a settings.depends_on cycle");
    }

    @Test
    void plan_stackWaves_regionsInOrder() {
      Pipeline regions = pipeline(env("prod").addWaves(StackWave.of("prod/us-east-1"), StackWave.of("prod/*")));
      RolloutPlan plan = plan(regions, desired("r1",
          dependent("prod/eu-west-1", "vpc"), dependent("prod/us-east-1", "vpc"),
          dependent("prod/us-east-1", "eks", "vpc")), T0);

      assertThat(waves(envPlan(plan, "prod"))).containsOnly(
          Map.entry("prod/us-east-1:vpc", 1), Map.entry("prod/us-east-1:eks", 2), Map.entry("prod/eu-west-1:vpc", 3));
    }

    @Test
    void plan_destroyInFirstRegion_beforeTheNextRegionStarts() {
      Pipeline regions = pipeline(env("prod").addWaves(StackWave.of("prod/us-east-1"), StackWave.of("prod/*")));
      Instance gone = instance("prod/us-east-1", "old", "1");
      RolloutPlan plan = plan(regions, desired("r2", dependent("prod/us-east-1", "vpc"), dependent("prod/eu-west-1", "vpc")),
          T0, deployed(gone, "r1", T0.minusSeconds(60)));

      assertThat(waves(envPlan(plan, "prod"))).containsOnly(
          Map.entry("prod/us-east-1:vpc", 1), Map.entry("prod/us-east-1:old", 2), Map.entry("prod/eu-west-1:vpc", 3));
    }

    @Test
    void plan_maxParallel_limitsNext() {
      Pipeline bounded = pipeline(env("dev").maxParallel(2));
      RolloutPlan plan = plan(bounded, desired("r1",
          instance("dev/a", "a", "1"), instance("dev/a", "b", "1"), instance("dev/a", "c", "1")), T0);

      assertThat(plan.next()).extracting(a -> a.instance().component()).containsExactly("a", "b");
      assertThat(envPlan(plan, "dev").changes()).hasSize(3);
    }
  }

  @Nested
  class Gates {

    final Instance devVpc = instance("dev/a", "vpc", "2");
    final Instance stagingVpc = instance("staging/a", "vpc", "2");
    final Instance prodVpc = instance("prod/a", "vpc", "2");

    @Test
    void plan_upstreamFailed_blocksDownstreamOnlyAndRerunsHere() {
      RolloutPlan plan = plan(chain(), desired("r2", devVpc, stagingVpc, prodVpc), T0,
          deployment(devVpc, "r2", T0.minusSeconds(60), Outcome.FAILURE));

      assertThat(envPlan(plan, "dev").gate().state()).isEqualTo(GateState.OPEN);
      assertThat(plan.next()).extracting(Action::environment).containsExactly("dev");
      assertThat(envPlan(plan, "staging").gate().state()).isEqualTo(GateState.BLOCKED);
      assertThat(envPlan(plan, "staging").gate().reasons().get(0)).contains("upstream dev failed at r2");
      // blocked by the failure, and still waiting for dev's rerun
      assertThat(envPlan(plan, "staging").gate().conditions()).extracting(GateCondition::kind)
          .containsExactly(ConditionKind.UPSTREAM_FAILED, ConditionKind.UPSTREAM_UNFINISHED);
      assertThat(envPlan(plan, "staging").gate().conditions()).first().satisfies(c -> {
        assertThat(c.environment()).hasValue("dev");
        assertThat(c.waitsOnPerson()).isTrue();
      });
      assertThat(envPlan(plan, "prod").gate().conditions()).extracting(GateCondition::kind, c -> c.environment().orElseThrow())
          .containsExactly(tuple(ConditionKind.UPSTREAM_BLOCKED, "staging"), tuple(ConditionKind.UPSTREAM_UNFINISHED, "staging"));
      assertThat(envPlan(plan, "prod").gate().state()).isEqualTo(GateState.BLOCKED);
      assertThat(envPlan(plan, "prod").earliestAt()).isEmpty();
    }

    @Test
    void plan_upstreamWithNothingToDo_stillWaitsForItsOwnUpstream() {
      RolloutPlan plan = plan(chain(), desired("r2", devVpc, prodVpc), T0);

      assertThat(envPlan(plan, "staging").gate().state()).isEqualTo(GateState.DONE);
      assertThat(envPlan(plan, "prod").gate().state()).isEqualTo(GateState.WAITING_UPSTREAM);
      assertThat(envPlan(plan, "prod").gate().reasons())
          .containsExactly("staging has nothing to deploy but waits on its own upstream (dev) to finish r2");
      assertThat(envPlan(plan, "prod").gate().conditions()).extracting(GateCondition::kind)
          .containsExactly(ConditionKind.UPSTREAM_WAITING);
      assertThat(envPlan(plan, "staging").gate().conditions()).isEmpty();
      assertThat(plan.next()).extracting(Action::environment).containsExactly("dev");
    }

    @Test
    void plan_siblingFails_otherSiblingKeepsGoing() {
      Pipeline fan = pipeline(env("staging"), env("prod-us", "staging"), env("prod-eu", "staging"),
          env("global", "prod-us", "prod-eu"));
      Instance staging = instance("staging/a", "vpc", "2");
      Instance us = instance("prod-us/a", "vpc", "2");
      Instance eu = instance("prod-eu/a", "vpc", "2");
      Instance global = instance("global/a", "vpc", "2");
      RolloutPlan plan = plan(fan, desired("r2", staging, us, eu, global), T0,
          deployed(staging, "r2", T0.minusSeconds(100)), deployment(us, "r2", T0.minusSeconds(50), Outcome.FAILURE));

      assertThat(plan.next()).extracting(Action::environment).containsExactly("prod-us", "prod-eu");
      assertThat(envPlan(plan, "global").gate().state()).isEqualTo(GateState.BLOCKED);
    }

    @Test
    void plan_failedCheck_blocksDownstream() {
      RolloutPlan plan = plan(pipeline(env("dev").addChecks("smoke"), env("staging", "dev")),
          desired("r2", devVpc, stagingVpc), T0,
          deployed(devVpc, "r2", T0.minusSeconds(100)), check("dev", "r2", "smoke", Outcome.FAILURE, T0.minusSeconds(50)));

      assertThat(envPlan(plan, "staging").gate().state()).isEqualTo(GateState.BLOCKED);
      assertThat(envPlan(plan, "staging").gate().reasons().get(0)).contains("check smoke failed");
      assertThat(envPlan(plan, "staging").gate().conditions().get(0).detail()).hasValueSatisfying(d ->
          assertThat(d).startsWith("check smoke failed at "));
    }

    @Test
    void plan_rerunSucceeds_unblocks() {
      RolloutPlan plan = plan(chain(), desired("r2", devVpc, stagingVpc), T0,
          deployment(devVpc, "r2", T0.minusSeconds(100), Outcome.FAILURE), deployed(devVpc, "r2", T0.minusSeconds(50)));

      assertThat(envPlan(plan, "staging").gate().state()).isEqualTo(GateState.OPEN);
    }

    @Test
    void plan_environmentHeld_heldUntilReleased() {
      Hold hold = Hold.builder().at(T0.minusSeconds(10)).environment("dev").reason("incident 42").build();
      RolloutPlan held = plan(chain(), desired("r2", devVpc), T0, hold);
      assertThat(envPlan(held, "dev").gate().state()).isEqualTo(GateState.HELD);
      assertThat(envPlan(held, "dev").gate().reasons().get(0)).contains("incident 42");
      assertThat(envPlan(held, "dev").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.HELD);
        assertThat(c.since()).hasValue(T0.minusSeconds(10));
        assertThat(c.detail()).hasValue("incident 42");
        assertThat(c.clearsAt()).isEmpty();
      });
      assertThat(held.next()).isEmpty();

      Release release = Release.builder().at(T0.minusSeconds(5)).environment("dev").build();
      assertThat(plan(chain(), desired("r2", devVpc), T0, hold, release).next()).hasSize(1);
    }

    @Test
    void plan_componentHeld_onlyThatComponentWaits() {
      Hold hold = Hold.builder().at(T0).environment("dev").component("vpc").reason("NAT issue").build();
      RolloutPlan plan = plan(chain(), desired("r2", devVpc, instance("dev/a", "eks", "2")), T0, hold);

      assertThat(envPlan(plan, "dev").gate().state()).isEqualTo(GateState.OPEN);
      assertThat(plan.next()).extracting(a -> a.instance().component()).containsExactly("eks");
      assertThat(action(plan, "dev/a", "vpc").reasons()).anySatisfy(r -> assertThat(r).contains("NAT issue"));
    }

    @Test
    void plan_frozen_opensAtFreezeEnd() {
      Instant end = T0.plus(Duration.ofDays(3));
      Pipeline frozen = pipeline(env("dev").addFreezes(Freeze.of(T0.minusSeconds(1), end, "audit")));
      RolloutPlan plan = plan(frozen, desired("r2", devVpc), T0);

      assertThat(envPlan(plan, "dev").gate().state()).isEqualTo(GateState.FROZEN);
      assertThat(envPlan(plan, "dev").gate().reasons()).containsExactly("frozen until " + end + ": audit");
      assertThat(envPlan(plan, "dev").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.FROZEN);
        assertThat(c.clearsAt()).hasValue(end);
        assertThat(c.detail()).hasValue("audit");
        assertThat(c.text()).isEqualTo(envPlan(plan, "dev").gate().reasons().get(0));
      });
      assertThat(envPlan(plan, "dev").gate().opensAt()).hasValue(end);
      assertThat(envPlan(plan, "dev").earliestAt()).hasValue(end);
    }

    @Test
    void plan_outsideWindow_opensAtNextWindow() {
      Pipeline windowed = pipeline(env("dev").addWindows(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));
      Instant thursdayEvening = Instant.parse("2026-11-26T17:00:00Z");
      RolloutPlan plan = plan(windowed, desired("r2", devVpc), thursdayEvening);

      assertThat(envPlan(plan, "dev").gate().state()).isEqualTo(GateState.OUTSIDE_WINDOW);
      assertThat(envPlan(plan, "dev").gate().opensAt()).hasValue(Instant.parse("2026-11-30T09:00:00Z"));
      assertThat(envPlan(plan, "dev").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.WINDOW_CLOSED);
        assertThat(c.clearsAt()).hasValue(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(c.waitsOnPerson()).isFalse();
      });
    }

    @Test
    void plan_soakThenWindow_opensWhenBothHold() {
      Pipeline p = pipeline(env("dev"),
          env("prod", "dev").soak(Duration.ofHours(2)).addWindows(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));
      Instant deployedAt = Instant.parse("2026-11-26T15:00:00Z"); // Thursday
      RolloutPlan plan = plan(p, desired("r2", devVpc, prodVpc), deployedAt.plusSeconds(60),
          deployed(devVpc, "r2", deployedAt));

      assertThat(envPlan(plan, "prod").gate().state()).isEqualTo(GateState.SOAKING);
      assertThat(envPlan(plan, "prod").gate().reasons()).hasSize(1);
      // the soak clears at 17:00 Thursday; the window then opens the gate on Monday
      assertThat(envPlan(plan, "prod").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.SOAKING);
        assertThat(c.since()).hasValue(deployedAt);
        assertThat(c.clearsAt()).hasValue(deployedAt.plus(Duration.ofHours(2)));
      });
      assertThat(envPlan(plan, "prod").gate().opensAt()).hasValue(Instant.parse("2026-11-30T09:00:00Z"));
      assertThat(envPlan(plan, "prod").gate().soakEndsAt()).as("the soak ends before the gate opens")
          .hasValue(deployedAt.plus(Duration.ofHours(2)));
    }

    @Test
    void plan_approvalsFromDistinctApprovers() {
      Pipeline p = pipeline(env("prod").approvals(2));
      RolloutPlan once = plan(p, desired("r2", prodVpc), T0,
          approval("prod", "r2", "alice", T0), approval("prod", "r2", "alice", T0));
      assertThat(envPlan(once, "prod").gate().state()).isEqualTo(GateState.AWAITING_APPROVAL);
      assertThat(envPlan(once, "prod").gate().reasons()).containsExactly("needs 2 approvals at r2, has 1");
      assertThat(envPlan(once, "prod").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.APPROVAL_MISSING);
        assertThat(c.required()).hasValue(2);
        assertThat(c.has()).hasValue(1);
        assertThat(c.waitsOnPerson()).isTrue();
      });

      RolloutPlan twice = plan(p, desired("r2", prodVpc), T0,
          approval("prod", "r2", "alice", T0), approval("prod", "r2", "bob", T0));
      assertThat(envPlan(twice, "prod").gate().state()).isEqualTo(GateState.OPEN);
    }

    @Test
    void plan_closedForSeveralReasons_showsFirstByPrecedenceAndListsAll() {
      Pipeline p = pipeline(env("dev"), env("prod", "dev").approvals(1)
          .addFreezes(Freeze.of(T0.minusSeconds(1), T0.plusSeconds(3600), "audit")));
      RolloutPlan plan = plan(p, desired("r2", devVpc, prodVpc), T0);

      assertThat(envPlan(plan, "prod").gate().state()).isEqualTo(GateState.FROZEN);
      assertThat(envPlan(plan, "prod").gate().reasons()).hasSize(3);
      // in precedence order, each with its data
      assertThat(envPlan(plan, "prod").gate().conditions()).extracting(GateCondition::kind).containsExactly(
          ConditionKind.FROZEN, ConditionKind.UPSTREAM_UNFINISHED, ConditionKind.APPROVAL_MISSING);
      assertThat(envPlan(plan, "prod").gate().conditions().get(1).left()).hasValue(1);
      assertThat(envPlan(plan, "prod").gate().conditions()).extracting(GateCondition::text)
          .containsExactlyElementsOf(envPlan(plan, "prod").gate().reasons());
      assertThat(envPlan(plan, "prod").gate().opensAt()).isEmpty();
    }

    @Test
    void plan_badRevision_blocksEverywhereAndProposesRollForward() {
      RolloutPlan plan = plan(chain(), desired("r2", devVpc, stagingVpc), T0,
          deployed(devVpc, "r2", T0.minusSeconds(100)),
          BadRevision.builder().at(T0.minusSeconds(10)).revision("r2").reason("breaks NAT").build());

      assertThat(plan.environments()).extracting(e -> e.gate().state()).containsOnly(GateState.BLOCKED);
      assertThat(envPlan(plan, "dev").gate().reasons()).anySatisfy(r -> assertThat(r).contains("breaks NAT"))
          .anySatisfy(r -> assertThat(r).startsWith("roll forward"));
      assertThat(envPlan(plan, "dev").gate().conditions()).singleElement().satisfies(c -> {
        assertThat(c.kind()).isEqualTo(ConditionKind.REVISION_BAD);
        assertThat(c.detail()).hasValue("breaks NAT");
      });
      assertThat(plan.next()).isEmpty();
    }
  }

  @Nested
  class Supersession {

    @Test
    void plan_newerRevision_environmentsGoStraightToIt() {
      Instance v1 = instance("staging/a", "vpc", "1");
      Instance v3 = instance("staging/a", "vpc", "3");
      Instance dev3 = instance("dev/a", "vpc", "3");
      DesiredState r3 = DesiredState.builder().revision(Revision.of("r3")).addInstances(dev3, v3)
          .addHistory("r3", "r2", "r1").build();
      RolloutPlan plan = plan(chain(), r3, T0,
          deployed(v1, "r1", T0.minusSeconds(1000)), deployed(instance("dev/a", "vpc", "2"), "r2", T0.minusSeconds(500)));

      assertThat(plan.environments()).flatExtracting(EnvironmentPlan::actions)
          .extracting(Action::toRevision).containsOnly("r3");
      assertThat(action(plan, "staging/a", "vpc").fromRevision()).hasValue("r1");
    }

    @Test
    void plan_olderRevisionThanDeployed_neverRollsBack() {
      Instance deployedNewer = instance("dev/a", "vpc", "3");
      DesiredState r2 = DesiredState.builder().revision(Revision.of("r2")).addInstances(instance("dev/a", "vpc", "2"))
          .addHistory("r3", "r2", "r1").build();
      RolloutPlan plan = plan(chain(), r2, T0, deployed(deployedNewer, "r3", T0.minusSeconds(10)));

      assertThat(action(plan, "dev/a", "vpc").kind()).isEqualTo(ActionKind.SKIP);
      assertThat(plan.next()).isEmpty();
      assertThat(plan.problems()).extracting(Problem::rule).containsExactly("older-revision");
    }

    @Test
    void plan_approvalForSupersededRevision_listedStale() {
      Instance prod = instance("prod/a", "vpc", "3");
      DesiredState r3 = DesiredState.builder().revision(Revision.of("r3")).addInstances(prod)
          .addHistory("r3", "r2").build();
      RolloutPlan plan = plan(pipeline(env("prod").approvals(1)), r3, T0,
          approval("prod", "r2", "alice", T0.minusSeconds(60)));

      assertThat(plan.stale()).singleElement().satisfies(s -> {
        assertThat(s.type()).isEqualTo("approval");
        assertThat(s.revision()).isEqualTo("r2");
        assertThat(s.supersededBy()).isEqualTo("r3");
        assertThat(s.subject()).isEqualTo("alice");
      });
      assertThat(envPlan(plan, "prod").gate().state()).isEqualTo(GateState.AWAITING_APPROVAL);
    }

    @Test
    void plan_approvalUsedByADeployment_notStale() {
      Instance prod = instance("prod/a", "vpc", "2");
      DesiredState r3 = DesiredState.builder().revision(Revision.of("r3")).addInstances(prod.withSourceDigest("x"))
          .addHistory("r3", "r2").build();
      RolloutPlan plan = plan(pipeline(env("prod").approvals(1)), r3, T0,
          approval("prod", "r2", "alice", T0.minusSeconds(60)), deployed(prod, "r2", T0.minusSeconds(30)));

      assertThat(plan.stale()).isEmpty();
    }

    @Test
    void plan_checkOfSupersededRevision_listedStaleWhileDownstreamNeverTookIt() {
      Instance dev = instance("dev/a", "vpc", "2");
      DesiredState r3 = DesiredState.builder().revision(Revision.of("r3"))
          .addInstances(dev.withSourceDigest("3"), instance("staging/a", "vpc", "3")).addHistory("r3", "r2").build();
      RolloutPlan plan = plan(pipeline(env("dev").addChecks("smoke"), env("staging", "dev")), r3, T0,
          deployed(dev, "r2", T0.minusSeconds(100)), check("dev", "r2", "smoke", Outcome.SUCCESS, T0.minusSeconds(50)));

      assertThat(plan.stale()).extracting(StaleRecord::type, StaleRecord::subject)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("check", "smoke"));
    }
  }

  @Test
  void plan_sameInputs_equalPlans() {
    List<Instance> instances = new ArrayList<>();
    for (String stack : List.of("dev/a", "staging/a", "prod/a")) {
      instances.add(instance(stack, "vpc", "2"));
      instances.add(instance(stack, "eks", "2"));
    }
    DesiredState state = DesiredState.builder().revision(Revision.of("r2")).addAllInstances(instances).build();

    assertThat(plan(chain(), state, T0)).isEqualTo(plan(chain(), state, T0));
    assertThat(envPlan(plan(chain(), state, T0), "dev").actions()).extracting(Action::wave)
        .containsOnly(OptionalInt.of(1));
  }
}
