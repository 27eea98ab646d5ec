package dev.converge.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.ledger.BadRevision;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.model.InstanceId;
import dev.converge.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed examples: each expected figure is worked out in the comment above it. */
class DeliveryMetricsTest {

  static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant UNTIL = Instant.parse("2026-01-11T00:00:00Z"); // ten days

  static Deployment deploy(String stack, String revision, String at, Outcome outcome) {
    return Deployment.builder()
        .at(Instant.parse(at))
        .instance(InstanceId.of(stack, "vpc"))
        .folder("components/terraform/vpc")
        .revision(revision)
        .sourceDigest("s")
        .configDigest("c")
        .outcome(outcome)
        .build();
  }

  static EnvironmentMetrics env(DeliveryMetrics m, String name) {
    return m.environments().stream().filter(e -> e.environment().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anEmptyLedgerHasNoDeploymentsAndNoRates() {
    DeliveryMetrics m = DeliveryMetrics.of(Ledger.empty(), TestData.chain(), SINCE, UNTIL);

    assertThat(m.environments()).extracting(EnvironmentMetrics::environment)
        .containsExactly("dev", "staging", "prod");
    for (EnvironmentMetrics e : m.environments()) {
      assertThat(e.deployments()).isZero();
      assertThat(e.deploymentsPerDay()).isZero();
      assertThat(e.changeFailureRate()).isEmpty();
      assertThat(e.medianTimeToRestore()).isEmpty();
    }
  }

  @Test
  void oneSuccessfulDeploymentIsOneTenthPerDayAndNoFailure() {
    Ledger ledger = Ledger.of(deploy("prod/eu", "r1", "2026-01-05T12:00:00Z", Outcome.SUCCESS));

    DeliveryMetrics m = DeliveryMetrics.of(ledger, TestData.chain(), SINCE, UNTIL);

    assertThat(env(m, "prod").deployments()).isEqualTo(1);
    assertThat(env(m, "prod").deploymentsPerDay()).isEqualTo(0.1);
    assertThat(env(m, "prod").changeFailureRate()).contains(0.0);
    assertThat(env(m, "dev").deployments()).isZero();
  }

  @Test
  void failuresBadMarksAndRestoresAreCountedPerEnvironment() {
    Ledger ledger = Ledger.of(
        // before the period: not counted
        deploy("dev/eu", "r0", "2025-12-31T23:00:00Z", Outcome.SUCCESS),
        // dev: 4 deployments in the period
        deploy("dev/eu", "r1", "2026-01-02T00:00:00Z", Outcome.FAILURE),  // failure, restored 3h later
        deploy("dev/eu", "r1", "2026-01-02T03:00:00Z", Outcome.SUCCESS),
        deploy("dev/us", "r2", "2026-01-03T00:00:00Z", Outcome.SUCCESS),  // r2 marked bad after: failure
        deploy("dev/us", "r3", "2026-01-04T00:00:00Z", Outcome.FAILURE),  // failure, restored after 1h
        deploy("dev/us", "r3", "2026-01-04T01:00:00Z", Outcome.SUCCESS),
        BadRevision.builder().at(Instant.parse("2026-01-03T06:00:00Z")).revision("r2").reason("leak").build(),
        // r4 was marked bad before it was deployed: not a change failure of this deployment
        BadRevision.builder().at(Instant.parse("2026-01-06T00:00:00Z")).revision("r4").reason("x").build(),
        deploy("staging/eu", "r4", "2026-01-07T00:00:00Z", Outcome.SUCCESS),
        // prod: one failure never restored; one deployment at `until` is outside the half-open period
        deploy("prod/eu", "r5", "2026-01-08T00:00:00Z", Outcome.FAILURE),
        deploy("prod/eu", "r5", "2026-01-11T00:00:00Z", Outcome.SUCCESS),
        // no environment matches this stack
        deploy("sandbox/eu", "r6", "2026-01-05T00:00:00Z", Outcome.FAILURE));

    DeliveryMetrics m = DeliveryMetrics.of(ledger, TestData.chain(), SINCE, UNTIL);

    EnvironmentMetrics dev = env(m, "dev");
    // five dev deployments in [since, until): r1 x2, r2, r3 x2
    assertThat(dev.deployments()).isEqualTo(5);
    assertThat(dev.deploymentsPerDay()).isEqualTo(0.5);
    // failed r1, failed r3, bad-marked r2: 3 of 5
    assertThat(dev.changeFailures()).isEqualTo(3);
    assertThat(dev.changeFailureRate()).contains(0.6);
    // restores in ledger order: 3h, 1h; the lower middle of {1h, 3h} is 1h
    assertThat(dev.restores()).containsExactly(Duration.ofHours(3), Duration.ofHours(1));
    assertThat(dev.medianTimeToRestore()).contains(Duration.ofHours(1));

    EnvironmentMetrics staging = env(m, "staging");
    assertThat(staging.deployments()).isEqualTo(1);
    assertThat(staging.changeFailures()).isZero();

    EnvironmentMetrics prod = env(m, "prod");
    assertThat(prod.deployments()).isEqualTo(1);
    assertThat(prod.changeFailureRate()).contains(1.0);
    // restored only at `until`, outside the period, yet the restore is still measured: 3 days
    assertThat(prod.restores()).containsExactly(Duration.ofDays(3));
  }

  @Test
  void anEmptyOrBackwardPeriodIsMisuse() {
    assertThatThrownBy(() -> DeliveryMetrics.of(Ledger.empty(), TestData.chain(), UNTIL, SINCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("since (2026-01-11T00:00:00Z) must be before until");
  }

  @Test
  void leadTimeRunsFromCommitToEachSuccessfulDeploymentPerEnvironment() {
    // r1 committed Jan 1 00:00; dev ran it 2h later, prod 2 days later (failed once at 1d, not a lead time)
    // r2 committed Jan 3 00:00; dev ran it 6h later; r3 has no known commit time
    Ledger ledger = Ledger.of(
        deploy("dev/eu", "r1", "2026-01-01T02:00:00Z", Outcome.SUCCESS),
        deploy("prod/eu", "r1", "2026-01-02T00:00:00Z", Outcome.FAILURE),
        deploy("prod/eu", "r1", "2026-01-03T00:00:00Z", Outcome.SUCCESS),
        deploy("dev/eu", "r2", "2026-01-03T06:00:00Z", Outcome.SUCCESS),
        deploy("dev/us", "r3", "2026-01-04T00:00:00Z", Outcome.SUCCESS));
    Map<String, Instant> commits = Map.of(
        "r1", Instant.parse("2026-01-01T00:00:00Z"),
        "r2", Instant.parse("2026-01-03T00:00:00Z"));

    DeliveryMetrics m = DeliveryMetrics.of(ledger, TestData.chain(), SINCE, UNTIL, commits);

    assertThat(m.production()).contains("prod");
    EnvironmentMetrics dev = env(m, "dev");
    assertThat(dev.leadTimes()).containsExactly(Duration.ofHours(2), Duration.ofHours(6));
    assertThat(dev.leadTimesUnknown()).isEqualTo(1);
    // lower middle of {2h, 6h}
    assertThat(dev.medianLeadTime()).contains(Duration.ofHours(2));
    assertThat(dev.longestLeadTime()).contains(Duration.ofHours(6));
    EnvironmentMetrics prod = env(m, "prod");
    assertThat(prod.leadTimes()).containsExactly(Duration.ofDays(2));
    assertThat(env(m, "staging").medianLeadTime()).isEmpty();
  }

  @Test
  void withoutCommitTimesEverySuccessIsAnUnknownLeadTime() {
    Ledger ledger = Ledger.of(deploy("prod/eu", "r1", "2026-01-05T12:00:00Z", Outcome.SUCCESS),
        deploy("prod/eu", "r2", "2026-01-06T12:00:00Z", Outcome.FAILURE));

    EnvironmentMetrics prod = env(DeliveryMetrics.of(ledger, TestData.chain(), SINCE, UNTIL), "prod");

    assertThat(prod.leadTimes()).isEmpty();
    assertThat(prod.leadTimesUnknown()).isEqualTo(1);
  }
}
