package dev.converge.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One environment of the forecast: its waves, when it finishes, and the duration assumed for its deployments. */
@Value.Immutable
public interface EnvironmentForecast extends WithEnvironmentForecast {

  String name();

  /** How long one deployment here is assumed to take, and where that figure comes from. */
  DurationEstimate duration();

  /**
   * The waves still to deploy, in order; empty when the environment has nothing to deploy. When the
   * environment is {@link #unresolved()}, only the waves that start before the forecast stops.
   */
  List<WaveForecast> waves();

  /** When its last wave is expected to finish; empty when it has nothing to deploy or cannot be forecast. */
  Optional<Instant> finishesAt();

  /**
   * Whether the instants here assume an approval given at once, here or upstream: they hold only
   * if the people asked approve as soon as they are needed.
   */
  @Value.Default
  default boolean assumesApproval() {
    return false;
  }

  /** Why the forecast cannot reach the end of this environment (held, blocked, a cycle), if it cannot. */
  Optional<String> unresolved();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableEnvironmentForecast.Builder {
    Builder() {}
  }
}
