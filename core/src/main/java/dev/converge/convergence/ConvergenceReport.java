package dev.converge.convergence;

import dev.converge.diagnostic.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The answer of {@code converge status}: every component, classified, and every environment. */
@Value.Immutable
public interface ConvergenceReport extends WithConvergenceReport {

  String revision();

  /** The instant the report was made for. */
  Instant at();

  /** Environments in pipeline order. */
  List<EnvironmentStatus> environments();

  /** Components by name. */
  List<ComponentStatus> components();

  /** Problems met on the way (stacks in no environment, ...). */
  List<Problem> problems();

  default Optional<ComponentStatus> component(String name) {
    return components().stream().filter(c -> c.component().equals(name)).findFirst();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableConvergenceReport.Builder {
    Builder() {}
  }
}
