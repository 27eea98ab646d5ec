package dev.converge.internal.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The cycles of a directed graph, as its strongly connected components with more than one node or
 * a self-loop.
 *
 * <p>Why components and not single cycles: a user breaks a tangle of dependencies by looking at all
 * of its members at once, and the number of simple cycles can grow exponentially while the
 * components are linear to find. How: Tarjan's algorithm with an explicit stack (no recursion, so a
 * long {@code depends_on} chain cannot overflow the thread's stack). Nodes are visited in the
 * order given and their successors in the order the function returns them, and each component is
 * returned sorted, so the result is deterministic when the inputs are.
 */
public final class Cycles {

  private Cycles() {}

  /**
   * @param nodes every node, in a stable order
   * @param successors the nodes each node points at (unknown nodes are ignored)
   * @return each cycle's members, sorted; cycles ordered by their first member
   */
  public static <T extends Comparable<? super T>> List<List<T>> of(Collection<T> nodes,
      Function<T, ? extends Collection<T>> successors) {
    Set<T> known = new HashSet<>(nodes);
    Map<T, Integer> index = new HashMap<>();
    Map<T, Integer> low = new HashMap<>();
    Set<T> onStack = new HashSet<>();
    Deque<T> stack = new ArrayDeque<>();
    List<List<T>> result = new ArrayList<>();
    int[] counter = {0};
    for (T root : nodes) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Frame<T>> work = new ArrayDeque<>();
      work.push(new Frame<>(root, successors.apply(root).stream().filter(known::contains).toList()));
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!work.isEmpty()) {
        Frame<T> frame = work.peek();
        if (frame.next < frame.successors.size()) {
          T w = frame.successors.get(frame.next++);
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.add(w);
            work.push(new Frame<>(w, successors.apply(w).stream().filter(known::contains).toList()));
          } else if (onStack.contains(w)) {
            low.put(frame.node, Math.min(low.get(frame.node), index.get(w)));
          }
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          T parent = work.peek().node;
          low.put(parent, Math.min(low.get(parent), low.get(frame.node)));
        }
        if (low.get(frame.node).equals(index.get(frame.node))) {
          List<T> component = new ArrayList<>();
          T w;
          do {
            w = stack.pop();
            onStack.remove(w);
            component.add(w);
          } while (!w.equals(frame.node));
          if (component.size() > 1 || frame.successors.contains(frame.node)) {
            component.sort(null);
            result.add(component);
          }
        }
      }
    }
    result.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return result;
  }

  private static final class Frame<T> {
    final T node;
    final List<T> successors;
    int next;

    Frame(T node, List<T> successors) {
      this.node = node;
      this.successors = successors;
    }
  }
}
