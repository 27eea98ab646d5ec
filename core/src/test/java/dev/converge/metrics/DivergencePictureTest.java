package dev.converge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.convergence.Cell;
import dev.converge.convergence.CellState;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.convergence.EnvironmentStatus;
import dev.converge.model.FolderKind;
import dev.converge.model.InstanceId;
import dev.converge.plan.GateState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A hand-built report, each expected figure worked out beside it. */
class DivergencePictureTest {

  static final Instant AT = Instant.parse("2026-02-10T12:00:00Z");

  static Cell cell(String environment, String stack, CellState state, Optional<String> deployedAt) {
    return Cell.builder()
        .environment(environment)
        .instance(InstanceId.of(stack, "vpc"))
        .folder("vpc")
        .folderKind(FolderKind.TRUNK)
        .desiredRevision("r9")
        .deployedRevision(deployedAt.map(t -> "r1"))
        .deployedAt(deployedAt.map(Instant::parse))
        .state(state)
        .build();
  }

  static ComponentStatus component(String name, DivergenceClass divergenceClass, Optional<LocalDate> by,
      Cell... cells) {
    return ComponentStatus.builder()
        .component(name)
        .divergenceClass(divergenceClass)
        .convergeBy(by)
        .addCells(cells)
        .build();
  }

  static EnvironmentStatus environment(String name) {
    return EnvironmentStatus.builder().name(name).gate(GateState.OPEN).build();
  }

  @Test
  void behindCountsStalenessAndOverdueDaysAreReadOffTheReport() {
    ConvergenceReport report = ConvergenceReport.builder()
        .revision("r9")
        .at(AT)
        .addEnvironments(environment("dev"), environment("prod"))
        .addComponents(
            // dev: two behind, last deployed Feb 1 and Feb 8 noon; the stalest is 9 days old
            component("vpc", DivergenceClass.OPERATIONAL, Optional.empty(),
                cell("dev", "dev/eu", CellState.BEHIND, Optional.of("2026-02-01T12:00:00Z")),
                cell("dev", "dev/us", CellState.BEHIND, Optional.of("2026-02-08T12:00:00Z")),
                cell("prod", "prod/eu", CellState.CURRENT, Optional.of("2026-02-09T12:00:00Z"))),
            // converge by Feb 3: 7 days overdue on Feb 10
            component("database", DivergenceClass.PLANNED_OVERDUE, Optional.of(LocalDate.parse("2026-02-03")),
                cell("prod", "prod/eu", CellState.NEVER_DEPLOYED, Optional.empty())),
            component("eks", DivergenceClass.PLANNED, Optional.of(LocalDate.parse("2026-03-01"))))
        .build();

    DivergencePicture picture = DivergencePicture.of(report);

    assertThat(picture.at()).isEqualTo(AT);
    assertThat(picture.environments()).extracting(DivergencePicture.Behind::environment, DivergencePicture.Behind::behind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dev", 2), org.assertj.core.groups.Tuple.tuple("prod", 0));
    assertThat(picture.environments().get(0).longestSinceDeployment()).contains(Duration.ofDays(9));
    assertThat(picture.environments().get(1).longestSinceDeployment()).isEmpty();
    assertThat(picture.overdue()).singleElement().satisfies(o -> {
      assertThat(o.component()).isEqualTo("database");
      assertThat(o.daysOverdue()).contains(7L);
    });
    assertThat(picture.planned()).isEqualTo(1);
  }

  @Test
  void anEmptyReportHasNothingBehindOrOverdue() {
    DivergencePicture picture = DivergencePicture.of(ConvergenceReport.builder().revision("r").at(AT).build());

    assertThat(picture.environments()).isEmpty();
    assertThat(picture.overdue()).isEmpty();
    assertThat(picture.planned()).isZero();
  }
}
