package dev.converge;

import static dev.converge.Fixtures.T0;
import static dev.converge.Fixtures.chain;
import static dev.converge.Fixtures.deployed;
import static dev.converge.Fixtures.desired;
import static dev.converge.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.ledger.Ledger;
import dev.converge.model.Instance;
import dev.converge.plan.PlanMarkdown;
import dev.converge.plan.RolloutPlan;
import org.junit.jupiter.api.Test;

class PlanMarkdownTest {

  @Test
  void render_plan_tableOfEnvironmentsAndChanges() {
    Instance dev = instance("dev/a", "vpc", "2");
    RolloutPlan plan = RolloutPlanner.of(chain()).withLedger(Ledger.of(deployed(instance("dev/a", "vpc", "1"), "r1", T0)))
        .at(T0).plan(desired("r2", dev, instance("prod/a", "vpc", "2")));

    assertThat(PlanMarkdown.render(plan)).isEqualTo("""
        ### Rollout plan for `r2`

        | environment | gate | changes | earliest | why |
        |---|---|---:|---|---|
        | dev | open | 1 | 2026-11-26T10:00:00Z |  |
        | staging | done | 0 |  |  |
        | prod | waiting_upstream | 1 | 2026-11-26T10:00:00Z | staging has nothing to deploy but waits on its own upstream (dev) to finish r2 |

        <details><summary>Changes</summary>

        | environment | wave | kind | stack | component | folder | why |
        |---|---:|---|---|---|---|---|
        | dev | 1 | update | `dev/a` | `vpc` | `vpc` | component folder changed |
        | prod | 1 | create | `prod/a` | `vpc` | `vpc` | never deployed |

        </details>

        **Next:** 1 action in dev.
        """);
  }
}
