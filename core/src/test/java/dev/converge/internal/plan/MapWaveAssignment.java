package dev.converge.internal.plan;

import dev.converge.internal.graph.Cycles;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.StackWave;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wave assignment as it was written first, over maps keyed by instance id: the reference that
 * {@link WaveAssignmentTest} holds {@link WaveAssignment}, which indexes instances by position, to.
 */
final class MapWaveAssignment {

  final Map<InstanceId, Integer> waves = new HashMap<>();
  final List<List<InstanceId>> cycles = new ArrayList<>();
  final Set<InstanceId> stuck = new TreeSet<>();
  final List<InstanceId[]> conflicts = new ArrayList<>();
  int highest;

  private MapWaveAssignment() {}

  /**
   * @param instances every instance of the environment (changed or not), in a stable order
   * @param changed the ones with a create or update
   * @param destroys instances to destroy (absent from the desired state)
   */
  static MapWaveAssignment assign(
      List<Instance> instances, Set<InstanceId> changed, List<InstanceId> destroys, List<StackWave> stackWaves) {
    MapWaveAssignment result = new MapWaveAssignment();
    Map<InstanceId, Instance> byId = new HashMap<>();
    instances.forEach(i -> byId.put(i.id(), i));

    List<List<Instance>> groups = new ArrayList<>();
    List<List<InstanceId>> destroyGroups = new ArrayList<>();
    for (int g = 0; g <= stackWaves.size(); g++) {
      groups.add(new ArrayList<>());
      destroyGroups.add(new ArrayList<>());
    }
    Map<InstanceId, Integer> groupOf = new HashMap<>();
    for (Instance instance : instances) {
      int g = group(instance.stack(), stackWaves);
      groups.get(g).add(instance);
      groupOf.put(instance.id(), g);
    }
    destroys.forEach(id -> destroyGroups.get(group(id.stack(), stackWaves)).add(id));

    Map<InstanceId, Integer> effective = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      result.layer(groups.get(g), g, byId, groupOf, changed, effective);
      if (!destroyGroups.get(g).isEmpty()) {
        result.highest++;
        for (InstanceId id : destroyGroups.get(g)) {
          result.waves.put(id, result.highest);
        }
      }
    }
    return result;
  }

  /** The index of the first stack wave matching {@code stack}; stacks matching none come after them all. */
  private static int group(String stack, List<StackWave> stackWaves) {
    for (int w = 0; w < stackWaves.size(); w++) {
      if (stackWaves.get(w).matches(stack)) {
        return w;
      }
    }
    return stackWaves.size();
  }

  private void layer(
      List<Instance> group,
      int g,
      Map<InstanceId, Instance> byId,
      Map<InstanceId, Integer> groupOf,
      Set<InstanceId> changed,
      Map<InstanceId, Integer> effective) {
    int base = highest;
    Map<InstanceId, Integer> pending = new HashMap<>();
    Map<InstanceId, List<InstanceId>> dependents = new HashMap<>();
    Map<InstanceId, Integer> depth = new HashMap<>();
    for (Instance instance : group) {
      int waiting = 0;
      int d = base;
      for (InstanceId dep : instance.dependsOn()) {
        Integer depGroup = groupOf.get(dep);
        if (depGroup == null) {
          continue;
        }
        if (depGroup > g) {
          conflicts.add(new InstanceId[] {instance.id(), dep});
        } else if (depGroup < g) {
          d = Math.max(d, effective.get(dep));
        } else {
          waiting++;
          dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(instance.id());
        }
      }
      depth.put(instance.id(), d);
      pending.put(instance.id(), waiting);
    }

    Deque<InstanceId> ready = new ArrayDeque<>();
    group.stream().map(Instance::id).filter(id -> pending.get(id) == 0).forEach(ready::add);
    int visited = 0;
    while (!ready.isEmpty()) {
      InstanceId id = ready.removeFirst();
      visited++;
      int level = depth.get(id);
      if (changed.contains(id)) {
        level++;
        waves.put(id, level);
        highest = Math.max(highest, level);
      }
      effective.put(id, level);
      for (InstanceId dependent : dependents.getOrDefault(id, List.of())) {
        depth.merge(dependent, level, Math::max);
        if (pending.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (visited < group.size()) {
      Set<InstanceId> left = new HashSet<>();
      group.stream().map(Instance::id).filter(id -> pending.get(id) > 0).forEach(left::add);
      // the instances Kahn could not visit hold the cycles: Tarjan's components over them
      Cycles.of(new TreeSet<>(left), (InstanceId id) -> byId.get(id).dependsOn())
          .forEach(cycle -> cycles.add(List.copyOf(cycle)));
      for (InstanceId id : left) {
        effective.put(id, highest);
        if (changed.contains(id)) {
          stuck.add(id);
        }
      }
    }
  }
}
