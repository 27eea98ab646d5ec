package dev.converge.forecast;

import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * One wave of an environment in the forecast: its instances (the wave as the plan at the forecast's
 * instant numbers it), when its first action is expected to start and its last to finish, and what
 * it waited on before starting.
 */
@Value.Immutable
public interface WaveForecast extends WithWaveForecast {

  /** The wave's number in the plan at the forecast's instant (1 is the first unfinished wave). */
  int wave();

  /** The instances the wave changes (those that start, if the forecast stops inside it), by stack, then component. */
  List<InstanceId> instances();

  Instant startsAt();

  Instant finishesAt();

  /** What kept the wave from starting earlier, in order; empty when it starts as soon as it could. */
  List<Wait> waits();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableWaveForecast.Builder {
    Builder() {}
  }
}
