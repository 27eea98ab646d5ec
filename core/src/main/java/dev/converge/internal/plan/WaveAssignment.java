package dev.converge.internal.plan;

import dev.converge.internal.graph.Cycles;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.StackWave;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Wave assignment inside one environment.
 *
 * <p>Why: a dependency must be deployed before its dependents, while instances with no order
 * between them should run together, so the environment finishes in as few rounds as possible.
 * Regions add a second order: the environment's stack waves ({@code waves: [["prod/us-east-1"],
 * ["prod/*"]]}) run one after the other.
 *
 * <p>How: the wave of a changed instance is its level in the longest-path layering of the
 * dependency DAG, counting only changed instances. An unchanged instance passes its
 * dependencies' level on without adding one, so {@code app -> eks -> vpc} with only {@code app}
 * and {@code vpc} changed puts {@code app} after {@code vpc}. Stack waves are processed in order
 * and each starts above the highest level of the ones before it. Within a stack wave, Kahn's
 * algorithm visits each node once after all its dependencies (O(instances + edges)); what it
 * cannot visit sits on or behind a cycle. Cycles are reported as strongly connected components
 * (Tarjan), naming every member; their changed members, and changed instances behind them, get
 * no wave. A dependency placed in a later stack wave than its dependent cannot be honoured; it is
 * reported as a conflict and the edge is ignored. Dependencies outside the environment are the
 * pipeline's business, not the wave's, and are ignored here. Destroys come last within their stack
 * wave (their dependents are gone from the desired state, so nothing orders them further), and
 * before the next stack wave starts: a region finishes everything before the next one begins.
 */
final class WaveAssignment {

  /** The wave of each destroy; an instance's is {@link #wave(int)}. */
  final Map<InstanceId, Integer> destroyWaves = new HashMap<>();
  final List<List<InstanceId>> cycles = new ArrayList<>();
  final Set<InstanceId> stuck = new TreeSet<>();
  final List<InstanceId[]> conflicts = new ArrayList<>();
  int highest;

  /** The environment's instances; every array below is indexed by position in this list. */
  private final List<Instance> instances;
  private final Map<InstanceId, Integer> indexOf;
  /** Each instance's dependencies inside the environment, as positions, in its dependsOn order. */
  private final int[][] dependencies;
  private final int[] groupOf;
  private final boolean[] changed;
  /** Each instance's wave, 0 for none (waves count from 1). */
  private final int[] waveOf;
  /** The level an instance passes on to its dependents (set once its group is layered). */
  private final int[] effective;
  /** Scratch for {@link #layer}, read and written for the members of the group being layered only. */
  private final int[] pending;
  private final int[] depth;
  private final int[] dependentCount;
  private final int[][] dependents;

  private WaveAssignment(List<Instance> instances, boolean[] changed, List<StackWave> stackWaves) {
    this.instances = instances;
    int n = instances.size();
    indexOf = new HashMap<>(Math.max(16, 2 * n));
    for (int i = 0; i < n; i++) {
      indexOf.put(instances.get(i).id(), i);
    }
    dependencies = new int[n][];
    groupOf = new int[n];
    this.changed = changed;
    waveOf = new int[n];
    effective = new int[n];
    pending = new int[n];
    depth = new int[n];
    dependentCount = new int[n];
    dependents = new int[n][];
    String lastStack = null;
    int lastGroup = 0;
    for (int i = 0; i < n; i++) {
      Instance instance = instances.get(i);
      if (!instance.stack().equals(lastStack)) { // an environment's instances come stack by stack
        lastStack = instance.stack();
        lastGroup = group(lastStack, stackWaves);
      }
      groupOf[i] = lastGroup;
      List<InstanceId> dependsOn = instance.dependsOn();
      int[] found = new int[dependsOn.size()];
      int count = 0;
      for (InstanceId dep : dependsOn) {
        Integer at = indexOf.get(dep);
        if (at != null) { // outside the environment: the pipeline's business
          found[count++] = at;
        }
      }
      dependencies[i] = count == found.length ? found : java.util.Arrays.copyOf(found, count);
    }
  }

  /**
   * @param instances every instance of the environment (changed or not), in a stable order
   * @param changed by position in {@code instances}: whether the instance has a create or update
   * @param destroys instances to destroy (absent from the desired state)
   */
  static WaveAssignment assign(
      List<Instance> instances, boolean[] changed, List<InstanceId> destroys, List<StackWave> stackWaves) {
    if (changed.length != instances.size()) {
      throw new IllegalArgumentException("one changed flag per instance: " + changed.length + " for "
          + instances.size());
    }
    WaveAssignment result = new WaveAssignment(instances, changed, stackWaves);
    int groups = stackWaves.size() + 1;
    int[] sizes = new int[groups];
    for (int g : result.groupOf) {
      sizes[g]++;
    }
    int[][] members = new int[groups][];
    for (int g = 0; g < groups; g++) {
      members[g] = new int[sizes[g]];
      sizes[g] = 0;
    }
    for (int i = 0; i < instances.size(); i++) {
      int g = result.groupOf[i];
      members[g][sizes[g]++] = i;
    }
    List<List<InstanceId>> destroyGroups = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      destroyGroups.add(new ArrayList<>());
    }
    destroys.forEach(id -> destroyGroups.get(group(id.stack(), stackWaves)).add(id));

    for (int g = 0; g < groups; g++) {
      result.layer(members[g], g);
      if (!destroyGroups.get(g).isEmpty()) {
        result.highest++;
        for (InstanceId id : destroyGroups.get(g)) {
          result.destroyWaves.put(id, result.highest);
        }
      }
    }
    return result;
  }

  /** The wave of the instance at {@code position}, 0 when it has none. */
  int wave(int position) {
    return waveOf[position];
  }

  /** Every wave given, instances' and destroys', by id. */
  Map<InstanceId, Integer> waves() {
    Map<InstanceId, Integer> all = new HashMap<>(destroyWaves);
    for (int i = 0; i < waveOf.length; i++) {
      if (waveOf[i] > 0) {
        all.put(instances.get(i).id(), waveOf[i]);
      }
    }
    return all;
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

  /** Layers the instances of stack wave {@code g} ({@code group}: their positions, in order). */
  private void layer(int[] group, int g) {
    int base = highest;
    // per member: dependencies in this group not yet visited, the deepest level below it so far, and
    // its dependents inside the group as an adjacency list in encounter order (counted, then filled)
    for (int i : group) {
      dependentCount[i] = 0;
    }
    for (int i : group) {
      for (int dep : dependencies[i]) {
        if (groupOf[dep] == g) {
          dependentCount[dep]++;
        }
      }
    }
    for (int i : group) {
      dependents[i] = new int[dependentCount[i]];
      dependentCount[i] = 0;
    }
    for (int i : group) {
      int waiting = 0;
      int d = base;
      for (int dep : dependencies[i]) {
        int depGroup = groupOf[dep];
        if (depGroup > g) {
          conflicts.add(new InstanceId[] {instances.get(i).id(), instances.get(dep).id()});
        } else if (depGroup < g) {
          d = Math.max(d, effective[dep]);
        } else {
          waiting++;
          dependents[dep][dependentCount[dep]++] = i;
        }
      }
      depth[i] = d;
      pending[i] = waiting;
    }

    int[] ready = new int[group.length];
    int head = 0;
    int tail = 0;
    for (int i : group) {
      if (pending[i] == 0) {
        ready[tail++] = i;
      }
    }
    while (head < tail) {
      int i = ready[head++];
      int level = depth[i];
      if (changed[i]) {
        level++;
        waveOf[i] = level;
        highest = Math.max(highest, level);
      }
      effective[i] = level;
      for (int dependent : dependents[i]) {
        depth[dependent] = Math.max(depth[dependent], level);
        if (--pending[dependent] == 0) {
          ready[tail++] = dependent;
        }
      }
    }
    if (tail < group.length) {
      Set<InstanceId> left = new TreeSet<>();
      for (int i : group) {
        if (pending[i] > 0) {
          left.add(instances.get(i).id());
        }
      }
      // the instances Kahn could not visit hold the cycles: Tarjan's components over them
      Cycles.of(left, (InstanceId id) -> instances.get(indexOf.get(id)).dependsOn())
          .forEach(cycle -> cycles.add(List.copyOf(cycle)));
      for (int i : group) {
        if (pending[i] > 0) {
          effective[i] = highest;
          if (changed[i]) {
            stuck.add(instances.get(i).id());
          }
        }
      }
    }
  }
}
