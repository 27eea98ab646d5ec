package dev.converge.internal.forecast;

import dev.converge.forecast.DurationEstimate;
import dev.converge.forecast.EnvironmentForecast;
import dev.converge.forecast.Wait;
import dev.converge.forecast.WaitKind;
import dev.converge.forecast.WaveForecast;
import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the simulation saw of one environment: the waits of its gate, merged while their kind stays
 * the same, and the starts and finishes of its waves. Waits are handed to the wave whose action
 * starts next, so each wave lists what it waited on since the one before it started.
 */
final class EnvironmentTimeline {

  private final String name;
  private final DurationEstimate duration;
  private final Map<InstanceId, Integer> waveOf = new HashMap<>();
  private final Map<Integer, Wave> waves = new TreeMap<>();
  private final List<Wait> waits = new ArrayList<>();
  private WaitKind current;
  private Instant currentFrom;
  private String currentMessage;
  private boolean approvalAssumed;
  private String unresolved;

  EnvironmentTimeline(String name, DurationEstimate duration) {
    this.name = name;
    this.duration = duration;
  }

  String name() {
    return name;
  }

  DurationEstimate duration() {
    return duration;
  }

  boolean approvalAssumed() {
    return approvalAssumed;
  }

  /** The instance's wave, as the plan at the forecast's instant numbers it. */
  void plannedWave(InstanceId instance, int wave) {
    waveOf.put(instance, wave);
  }

  /** The gate is closed for {@code kind} at {@code at}: continues the current wait or begins a new one. */
  void waiting(WaitKind kind, Instant at, String message) {
    if (kind == current) {
      return;
    }
    stopWaiting(at);
    current = kind;
    currentFrom = at;
    currentMessage = message;
  }

  /** Whatever the environment waited on ended at {@code at}. */
  void stopWaiting(Instant at) {
    if (current != null && at.isAfter(currentFrom)) {
      waits.add(Wait.builder().kind(current).from(currentFrom).until(at).message(currentMessage).build());
    }
    current = null;
  }

  /** Approvals were needed at {@code at}: a person's turn, assumed taken at once. */
  void approvalNeeded(Instant at, String message) {
    stopWaiting(at);
    waits.add(Wait.builder().kind(WaitKind.APPROVAL).from(at).message(message).build());
    approvalAssumed = true;
  }

  /** An action of this environment starts at {@code at} and is assumed to finish at {@code finish}. */
  void started(InstanceId instance, int fallbackWave, Instant at, Instant finish) {
    stopWaiting(at);
    int number = waveOf.getOrDefault(instance, fallbackWave);
    Wave wave = waves.computeIfAbsent(number, Wave::new);
    wave.instances.add(instance);
    if (wave.startsAt == null) {
      wave.startsAt = at;
    }
    wave.finishesAt = wave.finishesAt == null || finish.isAfter(wave.finishesAt) ? finish : wave.finishesAt;
    wave.waits.addAll(waits);
    waits.clear();
  }

  void unresolved(String why) {
    unresolved = name + ": " + why;
  }

  Optional<String> unresolved() {
    return Optional.ofNullable(unresolved);
  }

  EnvironmentForecast forecast(boolean assumesApproval) {
    EnvironmentForecast.Builder forecast = EnvironmentForecast.builder()
        .name(name)
        .duration(duration)
        .assumesApproval(assumesApproval);
    Instant finishes = null;
    for (Wave wave : waves.values()) {
      forecast.addWave(WaveForecast.builder()
          .wave(wave.number)
          .addAllInstances(wave.instances)
          .startsAt(wave.startsAt)
          .finishesAt(wave.finishesAt)
          .addAllWaits(wave.waits)
          .build());
      finishes = finishes == null || wave.finishesAt.isAfter(finishes) ? wave.finishesAt : finishes;
    }
    if (unresolved != null) {
      forecast.unresolved(unresolved);
    } else if (finishes != null) {
      forecast.finishesAt(finishes);
    }
    return forecast.build();
  }

  private static final class Wave {
    final int number;
    final TreeSet<InstanceId> instances = new TreeSet<>();
    final List<Wait> waits = new ArrayList<>();
    Instant startsAt;
    Instant finishesAt;

    Wave(int number) {
      this.number = number;
    }
  }
}
