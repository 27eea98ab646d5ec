package dev.converge.yaml.internal.atmos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scope of Atmos's {@code locals} (a file's root, its {@code terraform:}/{@code helmfile:}/
 * {@code packer:} section, or a component), resolved as Atmos's {@code pkg/locals} resolver does:
 * a local may refer to the others of its scope and to the scopes outside it through
 * {@code {{ .locals.name }}}, in any order of definition.
 *
 * <p>How: each local's references are the {@code .locals.NAME} it holds (in any string of its
 * value) that name a local of the same scope; the locals are rendered in an order where every
 * local comes after the ones it refers to (a depth-first walk with an explicit stack, so a long
 * chain cannot overflow the thread's stack), each over the outer scopes, the ones already resolved
 * and the file's other sections. A chain that comes back to a local it started from is a cycle,
 * reported with the whole chain ({@code a -> b -> c -> a}); none of its locals is resolved.
 */
final class Locals {

  private static final Pattern REFERENCE = Pattern.compile("\\.locals\\.([A-Za-z0-9_-]+)");

  /** Renders one local's value over the given data (the template engine, in the loader). */
  interface Renderer {
    Object render(String local, Object value, Map<String, Object> data);
  }

  /** A cycle among the locals of one scope, in the order it was found. */
  static final class Cycle extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final List<String> chain;

    Cycle(List<String> chain) {
      super("circular dependency in locals: " + String.join(" -> ", chain), null, false, false);
      this.chain = List.copyOf(chain);
    }
  }

  private Locals() {}

  /**
   * The locals visible in a scope: {@code outer} overridden by {@code declared}, each declared one
   * rendered after the ones it refers to. {@code context} is the rest of the template data (the
   * file's vars, settings, env); {@code .locals} in it is the locals resolved so far.
   *
   * @throws Cycle when locals of the scope refer to each other in a circle
   */
  static Map<String, Object> resolve(Map<String, Object> declared, Map<String, Object> outer,
      Map<String, Object> context, Renderer renderer) {
    Map<String, Object> resolved = new LinkedHashMap<>(outer);
    if (declared.isEmpty()) {
      return resolved;
    }
    Map<String, Set<String>> references = new LinkedHashMap<>();
    declared.forEach((name, value) -> references.put(name, referencesIn(value, declared.keySet())));
    for (String name : order(references)) {
      Map<String, Object> data = new LinkedHashMap<>(context);
      data.put("locals", resolved);
      Object value = declared.get(name);
      resolved.put(name, references.get(name).isEmpty() && !mentionsLocals(value) && !Templates.anyTemplate(value)
          ? value : renderer.render(name, value, data));
    }
    return resolved;
  }

  /** The locals of {@code names} that {@code value} refers to. */
  static Set<String> referencesIn(Object value, Set<String> names) {
    Set<String> found = new LinkedHashSet<>();
    collect(value, names, found);
    return found;
  }

  private static void collect(Object value, Set<String> names, Set<String> found) {
    if (value instanceof String text) {
      if (text.contains(".locals.")) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
          if (names.contains(m.group(1))) {
            found.add(m.group(1));
          }
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, names, found));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, names, found));
    }
  }

  /** Whether a string inside {@code value} refers to {@code .locals}. */
  static boolean mentionsLocals(Object value) {
    return Values.anyString(value, text -> text.contains(".locals"));
  }

  /** The names in an order where each follows the ones it refers to; ties keep definition order. */
  static List<String> order(Map<String, Set<String>> references) {
    List<String> order = new ArrayList<>(references.size());
    Map<String, Integer> state = new LinkedHashMap<>(); // absent: new; 1: on the path; 2: done
    for (String start : references.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<java.util.Iterator<String>> pending = new ArrayDeque<>();
      path.push(start);
      pending.push(references.get(start).iterator());
      state.put(start, 1);
      while (!path.isEmpty()) {
        java.util.Iterator<String> next = pending.peek();
        if (next.hasNext()) {
          String target = next.next();
          Integer s = state.get(target);
          if (s == null) {
            path.push(target);
            pending.push(references.get(target).iterator());
            state.put(target, 1);
          } else if (s == 1) {
            List<String> chain = new ArrayList<>();
            List<String> onPath = new ArrayList<>(path);
            java.util.Collections.reverse(onPath);
            chain.addAll(onPath.subList(onPath.indexOf(target), onPath.size()));
            chain.add(target);
            throw new Cycle(chain);
          }
        } else {
          String done = path.pop();
          pending.pop();
          state.put(done, 2);
          order.add(done);
        }
      }
    }
    return order;
  }
}
