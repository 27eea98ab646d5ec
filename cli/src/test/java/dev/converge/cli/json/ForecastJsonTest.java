package dev.converge.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.forecast.Forecast;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.model.Revision;
import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Environment;
import dev.converge.pipeline.Pipeline;
import dev.converge.pipeline.StackGlob;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code converge.forecast/v1}, compared with a reviewed expected file. */
class ForecastJsonTest {

  static final Instant NOW = Instant.parse("2026-11-26T15:20:00Z");

  /** dev (smoke), then prod: a 30m soak, an approval, a window that closes at 16:00 on Thursdays. */
  static Forecast forecast() {
    Pipeline pipeline = Pipeline.builder()
        .addEnvironment(Environment.builder().name("dev").addStack(StackGlob.of("dev/*")).addCheck("smoke").build())
        .addEnvironment(Environment.builder().name("prod").addAfter("dev").addStack(StackGlob.of("prod/*"))
            .soak(Duration.ofMinutes(30)).approvals(1).addWindow(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC"))
            .build())
        .build();
    Instance dev = Instance.builder().id(InstanceId.of("dev/us-east-1", "vpc")).folder("vpc")
        .sourceDigest("tree-2").configDigest("cfg-dev").build();
    Instance prod = dev.withId(InstanceId.of("prod/us-east-1", "vpc")).withConfigDigest("cfg-prod");
    Instance prodEu = dev.withId(InstanceId.of("prod/eu-west-1", "vpc")).withConfigDigest("cfg-prod-eu");
    DesiredState desired = DesiredState.builder().revision(Revision.of("abc123", NOW.minusSeconds(600)))
        .addInstances(dev, prod, prodEu).addHistory("abc123", "xyz789").build();
    Ledger ledger = Ledger.of(
        deployed(dev, "xyz789", NOW.minus(Duration.ofDays(1))),
        deployed(prod, "xyz789", NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(6))),
        deployed(prodEu, "xyz789",
            NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(12))));
    return Forecaster.of(pipeline).withLedger(ledger).at(NOW).forecast(desired);
  }

  static Deployment deployed(Instance instance, String revision, Instant at) {
    return Deployment.builder().at(at).instance(instance.id()).folder("vpc").revision(revision)
        .sourceDigest("tree-1").configDigest(instance.configDigest()).outcome(Outcome.SUCCESS).actor("ci").build();
  }

  @Test
  void of_forecast_matchesReviewedJson() throws IOException {
    assertThat(Json.pretty(ForecastJson.of(forecast()))).isEqualTo(PlanJsonTest.expected("json/forecast.json"));
  }
}
