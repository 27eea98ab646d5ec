package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.merge.DeepMerge;
import dev.converge.yaml.internal.merge.ListMergeStrategy;
import dev.converge.yaml.internal.value.CompactMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Atmos's deferred merge of YAML functions (issue #2888, {@code pkg/merge/merge_yaml_functions.go}):
 * in a component's final merge of its layers (stack-wide, its bases merged, its own section, its
 * overrides), a value that is a YAML function Atmos tracks is not simply replaced by, nor does it
 * simply replace, what another layer has at the same path. Once templates and functions are
 * evaluated, the values of every layer at that path are merged in precedence order: maps deep
 * (later wins, lists replaced), lists by the list merge strategy, and the first value of another
 * kind ends the merge with itself.
 *
 * <p>How: {@link #collect} walks the maps of each layer (not lists, as Atmos does not) for tracked
 * functions and records, per path, the values every layer has there; the ordinary merge goes on as
 * before; {@link #apply} then evaluates each recorded value and writes the merged result at its
 * path, shorter paths first, copying maps along the path (merged values are shared). A path with
 * only one value, already evaluated in place, is left alone.
 */
final class DeferredMerge {

  /** The functions Atmos defers ({@code isAtmosYAMLFunction}); {@code !git.*} and others are replaced outright. */
  static final Set<String> TRACKED = Set.of("!template", "!terraform.output", "!terraform.state", "!store.get",
      "!store", "!exec", "!env", "!labels", "!labels.keys", "!labels.values", "!tags");

  /** The sections Atmos merges with deferral ({@code mergeComponentConfigurations}). */
  static final Set<String> SECTIONS = Set.of("vars", "settings", "env", "auth", "providers", "required_providers",
      "hooks", "generate");

  /** One path with the values the layers have there, lowest precedence first. */
  record Pending(List<String> path, List<Object> values) {}

  private DeferredMerge() {}

  /** The paths of {@code layers} (lowest precedence first, null for none) that hold a tracked function. */
  static List<Pending> collect(List<Map<String, Object>> layers) {
    Map<List<String>, Boolean> paths = new LinkedHashMap<>();
    for (Map<String, Object> layer : layers) {
      if (layer != null) {
        walk(layer, new ArrayList<>(), paths);
      }
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    List<Pending> pending = new ArrayList<>();
    for (List<String> path : paths.keySet()) {
      List<Object> values = new ArrayList<>();
      for (Map<String, Object> layer : layers) {
        Object v = layer == null ? null : at(layer, path);
        if (v != null) {
          values.add(v);
        }
      }
      pending.add(new Pending(path, values));
    }
    pending.sort(Comparator.comparingInt(p -> p.path().size()));
    return pending;
  }

  private static void walk(Map<?, ?> map, List<String> path, Map<List<String>, Boolean> found) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      path.add(String.valueOf(e.getKey()));
      if (e.getValue() instanceof String text && tracked(text)) {
        found.put(List.copyOf(path), Boolean.TRUE);
      } else if (e.getValue() instanceof Map<?, ?> child) {
        walk(child, path, found);
      }
      path.remove(path.size() - 1);
    }
  }

  static boolean tracked(String text) {
    return YamlFunctions.functionOf(text).filter(TRACKED::contains).isPresent();
  }

  private static Object at(Map<?, ?> root, List<String> path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  /**
   * {@code section} with each pending path set to the merge of its values, each value first passed
   * through {@code evaluate} (templates rendered, functions evaluated).
   */
  static Map<String, Object> apply(Map<String, Object> section, List<Pending> pending, UnaryOperator<Object> evaluate,
      ListMergeStrategy strategy) {
    Map<String, Object> result = section;
    for (Pending p : pending) {
      if (p.values().size() == 1) {
        Object existing = at(result, p.path());
        if (existing != null && !(existing instanceof String text && tracked(text))) {
          continue; // evaluated in place by the ordinary pass
        }
      }
      List<Object> values = new ArrayList<>(p.values().size());
      for (Object v : p.values()) {
        values.add(evaluate.apply(v));
      }
      result = with(result, p.path(), 0, merge(values, strategy));
    }
    return result;
  }

  /** Atmos's {@code MergeDeferredValues}. */
  static Object merge(List<Object> values, ListMergeStrategy strategy) {
    Object first = values.get(0);
    if (first instanceof List<?> list) {
      return switch (strategy) {
        case REPLACE -> values.get(values.size() - 1);
        case APPEND -> {
          List<Object> all = new ArrayList<>();
          values.forEach(v -> {
            if (v instanceof List<?> l) {
              all.addAll(l);
            }
          });
          yield all;
        }
        case MERGE -> {
          List<Object> result = new ArrayList<>(list);
          for (Object v : values.subList(1, values.size())) {
            if (!(v instanceof List<?> source)) {
              yield v;
            }
            for (int i = 0; i < source.size(); i++) {
              if (i < result.size()) {
                result.set(i, result.get(i) instanceof Map<?, ?> a && source.get(i) instanceof Map<?, ?> b
                    ? DeepMerge.mergeMaps(a, b, ListMergeStrategy.REPLACE) : source.get(i));
              } else {
                result.add(source.get(i));
              }
            }
          }
          yield result;
        }
      };
    }
    if (!(first instanceof Map<?, ?>)) {
      return values.get(values.size() - 1);
    }
    Map<String, Object> merged = Values.map(first);
    for (Object v : values.subList(1, values.size())) {
      if (!(v instanceof Map<?, ?> m)) {
        return v;
      }
      merged = DeepMerge.mergeMaps(merged, m, ListMergeStrategy.REPLACE);
    }
    return merged;
  }

  private static Map<String, Object> with(Map<String, Object> map, List<String> path, int depth, Object value) {
    CompactMap copy = new CompactMap(map);
    String key = path.get(depth);
    if (depth == path.size() - 1) {
      copy.put(key, value);
    } else {
      copy.put(key, with(Values.map(copy.get(key)), path, depth + 1, value));
    }
    return copy;
  }
}
