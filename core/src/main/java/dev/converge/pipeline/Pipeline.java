package dev.converge.pipeline;

import dev.converge.model.DivergenceDeclaration;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The rollout pipeline of {@code rollout.yaml}: environments as a DAG joined by {@code after},
 * the bound of operational divergence, production environments, release tracks, and centrally
 * declared divergences.
 */
@Value.Immutable
public interface Pipeline extends WithPipeline {

  /** The environments in declaration order. */
  List<Environment> environments();

  /** The bound of operational divergence. */
  @Value.Default
  default Duration rolloutWindow() {
    return Duration.ofHours(24);
  }

  /** Environments that count as production. */
  List<String> production();

  /** Release tracks in promotion order. */
  List<String> tracks();

  List<DivergenceDeclaration> divergences();

  default Optional<Environment> environment(String name) {
    return environments().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The environments whose stack globs match {@code stack}, in declaration order. */
  default List<Environment> environmentsOf(String stack) {
    List<Environment> result = new ArrayList<>();
    for (Environment e : environments()) {
      if (e.matches(stack)) {
        result.add(e);
      }
    }
    return result;
  }

  /**
   * The environments in pipeline order: every environment after those it names in {@code after},
   * ties broken by declaration order so the order is stable.
   */
  @Value.Lazy
  default List<Environment> order() {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<Environment>> downstream = new HashMap<>();
    for (Environment e : environments()) {
      waiting.put(e.name(), e.after().size());
      for (String up : e.after()) {
        downstream.computeIfAbsent(up, k -> new ArrayList<>()).add(e);
      }
    }
    List<Environment> result = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Deque<Environment> ready = new ArrayDeque<>();
    environments().stream().filter(e -> e.after().isEmpty()).forEach(ready::add);
    while (!ready.isEmpty()) {
      Environment next = ready.removeFirst();
      if (!placed.add(next.name())) {
        continue;
      }
      result.add(next);
      for (Environment d : downstream.getOrDefault(next.name(), List.of())) {
        if (waiting.merge(d.name(), -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
      List<Environment> sorted = new ArrayList<>(ready);
      sorted.sort((a, b) -> Integer.compare(environments().indexOf(a), environments().indexOf(b)));
      ready.clear();
      ready.addAll(sorted);
    }
    return List.copyOf(result);
  }

  /** Every environment downstream of {@code name}, transitively. */
  default Set<String> downstreamOf(String name) {
    Set<String> result = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(name));
    while (!todo.isEmpty()) {
      String current = todo.removeFirst();
      for (Environment e : environments()) {
        if (e.after().contains(current) && result.add(e.name())) {
          todo.add(e.name());
        }
      }
    }
    return result;
  }

  @Value.Check
  default void check() {
    Set<String> names = new HashSet<>();
    for (Environment e : environments()) {
      if (!names.add(e.name())) {
        throw new IllegalArgumentException("environment " + e.name() + " is declared twice");
      }
    }
    for (Environment e : environments()) {
      for (String up : e.after()) {
        if (!names.contains(up)) {
          throw new IllegalArgumentException(
              "environment " + e.name() + " comes after unknown environment " + up + "; known: " + names);
        }
      }
    }
    if (order().size() != environments().size()) {
      List<String> cycle = new ArrayList<>(names);
      order().forEach(e -> cycle.remove(e.name()));
      throw new IllegalArgumentException("environments " + cycle + " form a cycle through 'after'");
    }
    if (rolloutWindow().isNegative() || rolloutWindow().isZero()) {
      throw new IllegalArgumentException("rollout_window (" + rolloutWindow() + ") must be positive");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutablePipeline.Builder {
    Builder() {}
  }
}
