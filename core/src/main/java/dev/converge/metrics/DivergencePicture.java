package dev.converge.metrics;

import dev.converge.convergence.Cell;
import dev.converge.convergence.CellState;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.convergence.EnvironmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where divergence stands at one instant, from a {@link ConvergenceReport}: per environment, how
 * many instances are behind trunk and how long the stalest of them has gone without a deployment;
 * which planned divergences are past their {@code converge_by} date, and by how many days.
 */
@Value.Immutable
public interface DivergencePicture extends WithDivergencePicture {

  Instant at();

  /** One entry per environment of the report, in its order. */
  List<Behind> environments();

  /** Components whose declared divergence is past its date, in the report's order. */
  List<Overdue> overdue();

  /** How many components diverge as planned (declared or by release track) and are not overdue. */
  int planned();

  /** Reads the picture off a report. */
  static DivergencePicture of(ConvergenceReport report) {
    Instant at = report.at();
    Map<String, List<Cell>> behindByEnvironment = new HashMap<>();
    Builder result = builder().at(at);
    int planned = 0;
    for (ComponentStatus component : report.components()) {
      for (Cell cell : component.cells()) {
        if (cell.state() == CellState.BEHIND) {
          behindByEnvironment.computeIfAbsent(cell.environment(), k -> new ArrayList<>()).add(cell);
        }
      }
      if (component.divergenceClass() == DivergenceClass.PLANNED_OVERDUE) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        result.addOverdue(ImmutableOverdue.of(component.component(), component.convergeBy(),
            component.convergeBy().map(d -> Duration.between(d.atStartOfDay(), today.atStartOfDay()).toDays())));
      } else if (component.divergenceClass() == DivergenceClass.PLANNED) {
        planned++;
      }
    }
    for (EnvironmentStatus environment : report.environments()) {
      List<Cell> behind = behindByEnvironment.getOrDefault(environment.name(), List.of());
      Optional<Duration> stalest = behind.stream()
          .flatMap(c -> c.deployedAt().stream())
          .min(Instant::compareTo)
          .map(deployed -> Duration.between(deployed, at));
      result.addEnvironment(ImmutableBehind.of(environment.name(), behind.size(), stalest));
    }
    return result.planned(planned).build();
  }

  /** One environment's instances behind trunk. */
  @Value.Immutable
  interface Behind {
    @Value.Parameter
    String environment();

    /** Instances deployed from another folder or other digests than trunk's. */
    @Value.Parameter
    int behind();

    /** From the oldest last deployment among them to the picture's instant. */
    @Value.Parameter
    Optional<Duration> longestSinceDeployment();
  }

  /** A planned divergence past its date. */
  @Value.Immutable
  interface Overdue {
    @Value.Parameter
    String component();

    @Value.Parameter
    Optional<LocalDate> convergeBy();

    /** Whole days from {@code convergeBy} to the picture's day (UTC). */
    @Value.Parameter
    Optional<Long> daysOverdue();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDivergencePicture.Builder {
    Builder() {}
  }
}
