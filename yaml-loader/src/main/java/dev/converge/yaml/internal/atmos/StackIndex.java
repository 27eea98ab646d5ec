package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components of a load in snapshot order (stack, then name, then type), looked up by stack and
 * name: each stack's components are one run of that list, found by one pass over it, and a name in
 * a stack by a binary search of the run. What a dependency entry that names no stack looks up, the
 * components of one name in every stack, is indexed the first time it is asked for. Safe to read
 * from several threads once made.
 */
final class StackIndex {

  private final Map<String, List<ResolvedSection>> byStack;
  private volatile Map<String, List<ResolvedSection>> byName;

  private StackIndex(Map<String, List<ResolvedSection>> byStack) {
    this.byStack = byStack;
  }

  /** The index of {@code ordered}, which is sorted by stack, name and type. */
  static StackIndex of(List<ResolvedSection> ordered) {
    Map<String, List<ResolvedSection>> byStack = new LinkedHashMap<>();
    int start = 0;
    for (int i = 1; i <= ordered.size(); i++) {
      // a manifest's components share one stack string: equals is mostly a reference comparison
      if (i == ordered.size() || !ordered.get(i).stack().equals(ordered.get(start).stack())) {
        byStack.put(ordered.get(start).stack(), Collections.unmodifiableList(ordered.subList(start, i)));
        start = i;
      }
    }
    return new StackIndex(byStack);
  }

  /** Every stack with its components, in stack order. */
  Map<String, List<ResolvedSection>> stacks() {
    return Collections.unmodifiableMap(byStack);
  }

  /** The components of {@code stack} named {@code name} (one per type), or none. */
  List<ResolvedSection> named(String stack, String name) {
    List<ResolvedSection> run = byStack.get(stack);
    if (run == null) {
      return List.of();
    }
    int low = 0;
    int high = run.size();
    while (low < high) { // the first component whose name is not before `name`
      int middle = (low + high) >>> 1;
      if (run.get(middle).name().compareTo(name) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    int end = low;
    while (end < run.size() && run.get(end).name().equals(name)) {
      end++;
    }
    return run.subList(low, end);
  }

  /** The components named {@code name} in every stack, in stack order. */
  List<ResolvedSection> named(String name) {
    Map<String, List<ResolvedSection>> index = byName;
    if (index == null) {
      synchronized (this) {
        index = byName;
        if (index == null) {
          index = new HashMap<>();
          for (List<ResolvedSection> run : byStack.values()) {
            for (ResolvedSection s : run) {
              index.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
            }
          }
          byName = index;
        }
      }
    }
    return index.getOrDefault(name, List.of());
  }

  /** The names of the components of {@code stack}, each once, sorted; none when there is no such stack. */
  List<String> names(String stack) {
    List<String> names = new ArrayList<>();
    for (ResolvedSection s : byStack.getOrDefault(stack, List.of())) {
      if (names.isEmpty() || !names.get(names.size() - 1).equals(s.name())) {
        names.add(s.name());
      }
    }
    return names;
  }
}
