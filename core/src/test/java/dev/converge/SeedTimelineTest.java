package dev.converge;

import static dev.converge.Fixtures.approval;
import static dev.converge.Fixtures.check;
import static dev.converge.Fixtures.deployed;
import static dev.converge.Fixtures.env;
import static dev.converge.Fixtures.instance;
import static dev.converge.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.Revision;
import dev.converge.pipeline.Pipeline;
import dev.converge.plan.Action;
import dev.converge.plan.ActionKind;
import dev.converge.plan.GateState;
import dev.converge.plan.RolloutPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's operational-divergence timeline, told by the planner: commit abc123 merged while
 * every environment runs xyz789; dev deploys at once, staging after dev's smoke test and a soak,
 * prod after staging's tests, its own soak and an approval; at the end everything converged.
 */
class SeedTimelineTest {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  static final String OLD = "xyz789";
  static final String NEW = "abc123";

  final Pipeline pipeline = pipeline(
      env("dev").addChecks("smoke"),
      env("staging", "dev").soak(Duration.ofMinutes(20)).addChecks("integration"),
      env("prod", "staging").soak(Duration.ofMinutes(30)).approvals(1));

  final List<Instance> before = List.of(
      instance("dev/us-east-1", "vpc", "1"), instance("staging/us-east-1", "vpc", "1"),
      instance("prod/us-east-1", "vpc", "1"));
  final List<Instance> after = List.of(
      instance("dev/us-east-1", "vpc", "2"), instance("staging/us-east-1", "vpc", "2"),
      instance("prod/us-east-1", "vpc", "2"));
  final DesiredState desired = DesiredState.builder()
      .revision(Revision.of(NEW, T0)).addAllInstances(after).addHistory(NEW, OLD).build();
  final List<LedgerRecord> ledger = new ArrayList<>();

  RolloutPlan planAt(Instant now) {
    return RolloutPlanner.of(pipeline).withLedger(Ledger.of(ledger)).at(now).plan(desired);
  }

  void deploy(Instance instance, Instant at) {
    ledger.add(deployed(instance, NEW, at));
  }

  @Test
  void timeline_abc123_convergesThroughGates() {
    before.forEach(i -> ledger.add(deployed(i, OLD, T0.minus(Duration.ofDays(1)))));

    // Time 0: only dev may deploy; the others wait, and the forecast says when each could go.
    RolloutPlan time0 = planAt(T0);
    assertThat(time0.next()).extracting(Action::environment, a -> a.instance().stack(), Action::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dev", "dev/us-east-1", ActionKind.UPDATE));
    assertThat(time0.next().get(0).fromRevision()).hasValue(OLD);
    assertThat(time0.next().get(0).reasons()).containsExactly("component folder changed");
    assertThat(state(time0, "dev")).isEqualTo(GateState.OPEN);
    assertThat(state(time0, "staging")).isEqualTo(GateState.WAITING_UPSTREAM);
    assertThat(time0.environment("staging").orElseThrow().gate().reasons())
        .containsExactly("dev has not finished abc123 (1 action left)", "check smoke has not passed in dev at abc123");
    assertThat(time0.environment("staging").orElseThrow().earliestAt()).hasValue(T0.plus(Duration.ofMinutes(20)));
    assertThat(time0.environment("prod").orElseThrow().earliestAt()).hasValue(T0.plus(Duration.ofMinutes(50)));

    // dev deploys and its smoke test passes: staging soaks, and time alone opens it.
    deploy(after.get(0), T0.plus(Duration.ofMinutes(5)));
    ledger.add(check("dev", NEW, "smoke", Outcome.SUCCESS, T0.plus(Duration.ofMinutes(10))));
    RolloutPlan soaking = planAt(T0.plus(Duration.ofMinutes(12)));
    assertThat(soaking.next()).isEmpty();
    assertThat(state(soaking, "dev")).isEqualTo(GateState.DONE);
    assertThat(state(soaking, "staging")).isEqualTo(GateState.SOAKING);
    assertThat(soaking.environment("staging").orElseThrow().gate().opensAt())
        .hasValue(T0.plus(Duration.ofMinutes(30)));

    // +30 min: staging deploys.
    RolloutPlan plus30 = planAt(T0.plus(Duration.ofMinutes(30)));
    assertThat(plus30.next()).extracting(Action::environment).containsExactly("staging");
    deploy(after.get(1), T0.plus(Duration.ofMinutes(31)));

    // Staging validation passes; prod soaks and needs an approval: time alone will not open it.
    ledger.add(check("staging", NEW, "integration", Outcome.SUCCESS, T0.plus(Duration.ofMinutes(90))));
    RolloutPlan unapproved = planAt(T0.plus(Duration.ofMinutes(100)));
    assertThat(state(unapproved, "prod")).isEqualTo(GateState.SOAKING);
    assertThat(unapproved.environment("prod").orElseThrow().gate().reasons())
        .anySatisfy(r -> assertThat(r).startsWith("soaking: upstream finished abc123"))
        .contains("needs 1 approval at abc123, has 0");
    assertThat(unapproved.environment("prod").orElseThrow().gate().opensAt()).isEmpty();

    // +2 h with an approval: prod deploys.
    ledger.add(approval("prod", NEW, "alice", T0.plus(Duration.ofMinutes(110))));
    RolloutPlan plus2h = planAt(T0.plus(Duration.ofHours(2)));
    assertThat(plus2h.next()).extracting(Action::environment, a -> a.instance().stack())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("prod", "prod/us-east-1"));
    deploy(after.get(2), T0.plus(Duration.ofHours(2)).plusSeconds(60));

    // Convergence achieved.
    RolloutPlan end = planAt(T0.plus(Duration.ofHours(3)));
    assertThat(end.isConverged()).isTrue();
    assertThat(end.next()).isEmpty();
    assertThat(end.environments()).allSatisfy(e -> assertThat(e.actions())
        .allSatisfy(a -> assertThat(a.kind()).isEqualTo(ActionKind.NOOP)));
  }

  private static GateState state(RolloutPlan plan, String environment) {
    return plan.environment(environment).orElseThrow().gate().state();
  }
}
