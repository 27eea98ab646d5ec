package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.plan.Gate;
import dev.converge.plan.GateState;
import dev.converge.plan.PlanText;
import dev.converge.plan.RolloutPlan;
import dev.converge.testkit.ScratchRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

class ExamplesTest {

  @Test
  void embeddingPlanner_devRunsFirst() {
    assertThat(EmbeddingPlanner.whatRunsNow(Instant.parse("2026-11-27T10:00:00Z")))
        .containsExactly("dev dev/us-east-1 vpc update");
  }

  @Test
  void readme_prodWaitsUpstream_withReasonsAndEarliestInstant() {
    RolloutPlan plan = EmbeddingPlanner.plan(Instant.parse("2026-11-27T10:00:00Z"));

    Gate prod = plan.environment("prod").orElseThrow().gate();
    assertThat(prod.state()).isEqualTo(GateState.WAITING_UPSTREAM);
    assertThat(prod.reasons()).isNotEmpty();
    assertThat(plan.environment("prod").orElseThrow().earliestAt()).isPresent();
    assertThat(PlanText.render(plan)).contains("prod").contains("waiting_upstream");
  }

  @Nested
  class OnTheExampleEstate {

    @TempDir
    Path dir;

    @Test
    void planningARepository_planAtHead_devOpen() throws Exception {
      try (ScratchRepository repo = ScratchRepository.create(Path.of("infra"), dir.resolve("infra"))) {
        String plan = PlanningARepository.plan(repo.root(), dir.resolve("ledger.jsonl"), Instant.parse("2026-11-26T10:00:00Z"));

        assertThat(plan).contains("dev  open").contains("prod  waiting_upstream");
      }
    }

    @Test
    void navigatingTheEstate_stacksComponentsPinsTracksAndGateConditions() throws Exception {
      try (ScratchRepository repo = ScratchRepository.create(Path.of("infra"), dir.resolve("infra"))) {
        List<String> lines = NavigatingTheEstate.walk(repo.root(), dev.converge.ledger.Ledger.empty(),
            Instant.parse("2026-11-26T10:00:00Z"));

        assertThat(lines).contains("prod/us-east-1 from prod/us-east-1: 8 instances")
            .contains("vpc runs vpc (trunk)", "vpc runs vpc-experiment (experiment)")
            .anySatisfy(l -> assertThat(l).startsWith("pin critical-service-v1.2.3 via VENDOR_YAML"))
            .contains("staging waits: upstream_unfinished on dev", "staging waits: check_missing on dev, check smoke")
            .contains("prod waits: approval_missing, 0 of 1 approvals");
      }
    }

    @Test
    void planningARepository_brokenRolloutYaml_problemsWithLocations() throws Exception {
      try (ScratchRepository repo = ScratchRepository.create(Path.of("infra"), dir.resolve("infra"))) {
        repo.write("rollout.yaml", "environments:\n  dev:\n    stacks: [\"dev/*\"]\n    sook: 30m\n");
        repo.commit("typo");

        assertThat(PlanningARepository.plan(repo.root(), dir.resolve("ledger.jsonl"), Instant.parse("2026-11-26T10:00:00Z")))
            .contains("unknown-key").contains("rollout.yaml:4:5");
      }
    }

    @Test
    void describe_experimentInDev_folderAndDigests() throws Exception {
      try (ScratchRepository repo = ScratchRepository.create(Path.of("infra"), dir.resolve("infra"))) {
        assertThat(PlanningARepository.describe(repo.root(), "vpc", "dev/us-east-1"))
            .startsWith("vpc-experiment ").contains("cidr_block=10.10.0.0/16");
      }
    }
  }
}
