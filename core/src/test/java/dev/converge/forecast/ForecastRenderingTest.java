package dev.converge.forecast;

import static dev.converge.forecast.ForecastTest.env;
import static dev.converge.forecast.ForecastTest.pipeline;
import static dev.converge.forecast.ForecastTest.updates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.pipeline.DeploymentWindow;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The forecast as text and as Markdown, for a timeline through a soak, a closed window and an approval. */
class ForecastRenderingTest {

  static Forecast forecast() {
    Pipeline pipeline = pipeline(env("dev").addCheck("smoke"), env("prod", "dev").soak(Duration.ofMinutes(30))
        .approvals(1).addWindow(DeploymentWindow.parse("Mon-Thu 09:00-16:00 UTC")));
    return updates("vpc", "dev/us-east-1", "prod/us-east-1", "prod/eu-west-1")
        .forecast(pipeline, Instant.parse("2026-11-26T15:20:00Z"));
  }

  @Test
  void text_waitsUnderTheirWave_assumptionsLast() {
    assertThat(ForecastText.render(forecast())).isEqualTo("""
        Forecast for abc1234def at 2026-11-26T15:20:00Z
        Converged by 2026-11-30T09:10:00Z, if approvals are given as soon as they are needed.

        dev  finishes 2026-11-26T15:30:00Z  (a deployment takes 10m (default: no history))
          wave 1  2026-11-26T15:20:00Z -> 2026-11-26T15:30:00Z  dev/us-east-1:vpc

        prod  finishes 2026-11-30T09:10:00Z  (a deployment takes 10m (default: no history))
          wave 1  2026-11-30T09:00:00Z -> 2026-11-30T09:10:00Z  prod/eu-west-1:vpc, prod/us-east-1:vpc
            - upstream 2026-11-26T15:20:00Z .. 2026-11-26T15:30:00Z: waits for dev to finish abc1234
            - soak 2026-11-26T15:30:00Z .. 2026-11-26T16:00:00Z: soak 30m after dev finished
            - window 2026-11-26T16:00:00Z .. 2026-11-30T09:00:00Z: outside the deployment windows (Mon-Thu 09:00-16:00 UTC)
            - approval from 2026-11-30T09:00:00Z (a person): needs 1 more approval at abc1234: waits on a person; assumed given at once

        Assumptions:
          - every deployment succeeds and takes its environment's estimated duration (a wave, or a max_parallel batch of it, at a time)
          - CI starts what may run the moment it may
          - every check passes as soon as its environment has finished the revision
          - approvals are given the moment nothing else keeps the gate closed; they wait on people, so what follows one holds only if it is given then
          - nothing else happens: no hold placed or released, no newer revision, no revision marked bad
        """);
  }

  @Test
  void markdown_oneRowPerWave() {
    assertThat(ForecastMarkdown.render(forecast())).isEqualTo("""
        ### Rollout forecast for `abc1234def`

        Converged by 2026-11-30T09:10:00Z, if approvals are given as soon as they are needed.

        | environment | wave | starts | finishes | waited on | instances |
        |---|---:|---|---|---|---|
        | dev | 1 | 2026-11-26T15:20:00Z | 2026-11-26T15:30:00Z |  | dev/us-east-1:vpc |
        | prod | 1 | 2026-11-30T09:00:00Z | 2026-11-30T09:10:00Z | upstream 2026-11-26T15:20:00Z .. 2026-11-26T15:30:00Z: waits for dev to finish abc1234<br>soak 2026-11-26T15:30:00Z .. 2026-11-26T16:00:00Z: soak 30m after dev finished<br>window 2026-11-26T16:00:00Z .. 2026-11-30T09:00:00Z: outside the deployment windows (Mon-Thu 09:00-16:00 UTC)<br>**approval** from 2026-11-30T09:00:00Z (a person): needs 1 more approval at abc1234: waits on a person; assumed given at once | prod/eu-west-1:vpc, prod/us-east-1:vpc |

        Deployment durations: dev 10m (default: no history); prod 10m (default: no history).

        **Assumptions**

        - every deployment succeeds and takes its environment's estimated duration (a wave, or a max_parallel batch of it, at a time)
        - CI starts what may run the moment it may
        - every check passes as soon as its environment has finished the revision
        - approvals are given the moment nothing else keeps the gate closed; they wait on people, so what follows one holds only if it is given then
        - nothing else happens: no hold placed or released, no newer revision, no revision marked bad
        """);
  }
}
