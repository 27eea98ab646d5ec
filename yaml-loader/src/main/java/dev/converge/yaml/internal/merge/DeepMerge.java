package dev.converge.yaml.internal.merge;

import dev.converge.yaml.internal.value.AppendList;
import dev.converge.yaml.internal.value.CompactMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Atmos's deep merge ({@code pkg/merge}), on plain values.
 *
 * <p>Maps merge key by key, recursively. When both sides hold lists, the {@link ListMergeStrategy}
 * decides, except that a list tagged {@code !append} ({@link AppendList}) is always appended. In
 * every other case the later value wins, whatever its type: a list replaced by
 * {@code {}}, by a scalar or by {@code null} is gone (Atmos restored this in PR #2248 after a
 * regression). A later empty map merges as a no-op, because there is nothing in it to merge.
 *
 * <p>Inputs are never modified: the result shares unchanged subtrees with the inputs and builds new
 * maps and lists only along the merged paths. Callers therefore treat every value as immutable,
 * which lets the loader cache a parsed import once and merge it into many stacks.
 */
public final class DeepMerge {

  private DeepMerge() {}

  /** {@code earlier} deep-merged with {@code later}; later wins. */
  public static Object merge(Object earlier, Object later, ListMergeStrategy strategy) {
    if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
      return mergeMaps(a, b, strategy);
    }
    if (earlier instanceof List<?> a && later instanceof List<?> b) {
      return mergeLists(a, b, strategy);
    }
    return later;
  }

  /** Merges maps, later wins; {@code null} stands for an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mergeMaps(Map<?, ?> earlier, Map<?, ?> later, ListMergeStrategy strategy) {
    if (later == null || later.isEmpty()) {
      return earlier == null ? Map.of() : (Map<String, Object>) earlier;
    }
    if (earlier == null || earlier.isEmpty()) {
      return (Map<String, Object>) later;
    }
    CompactMap result = new CompactMap((Map<String, Object>) earlier, later.size());
    ((Map<String, Object>) later).forEach((key, value) -> result.combine(key, value, (a, b) -> merge(a, b, strategy)));
    return result;
  }

  /** Merges two maps in order; a {@code null} one is skipped. */
  public static Map<String, Object> mergeAll(ListMergeStrategy strategy, Map<?, ?> a, Map<?, ?> b) {
    return mergeMaps(a == null ? Map.of() : a, b, strategy);
  }

  /** Merges three maps in order; {@code null} ones are skipped. */
  public static Map<String, Object> mergeAll(ListMergeStrategy strategy, Map<?, ?> a, Map<?, ?> b, Map<?, ?> c) {
    if (absent(a)) {
      return mergeAll(strategy, b, c);
    }
    return absent(b) ? mergeAll(strategy, a, c) : new Merger(strategy).add(a).add(b).add(c).result();
  }

  /** Merges four maps in order; {@code null} ones are skipped. */
  public static Map<String, Object> mergeAll(ListMergeStrategy strategy, Map<?, ?> a, Map<?, ?> b, Map<?, ?> c,
      Map<?, ?> d) {
    // most components' sections merge two maps or fewer: no merger for those
    if (absent(a)) {
      return mergeAll(strategy, b, c, d);
    }
    if (absent(b)) {
      return mergeAll(strategy, a, c, d);
    }
    return new Merger(strategy).add(a).add(b).add(c).add(d).result();
  }

  private static boolean absent(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  /** Merges a sequence of maps in order; {@code null} entries are skipped. */
  public static Map<String, Object> mergeAll(ListMergeStrategy strategy, Map<?, ?>... maps) {
    Merger merger = new Merger(strategy);
    for (Map<?, ?> map : maps) {
      merger.add(map);
    }
    return merger.result();
  }

  /**
   * Merges maps one after another into one result, as {@link #mergeMaps} applied pairwise would,
   * but copying each map at most once. A map the merger copied is its own, and later merges write
   * into it; a map it holds without having copied it belongs to an input and is never written.
   * Merging n maps that each add a key to the same map therefore copies that map once, not n times.
   *
   * <p>Once {@link #result} is taken for good, the result is as immutable as the inputs. Reading it
   * between two {@link #add}s is fine, but what is read changes with the next {@code add}.
   */
  public static final class Merger implements BinaryOperator<Object> {
    private final ListMergeStrategy strategy;
    private Map<String, Object> result = Map.of();
    /**
     * The maps this merger copied, and may write into; every other map it holds belongs to an input.
     * Kept here rather than in the maps, so that a merged map, once the merger is gone, holds no
     * reference back to it. Made when the first map is copied: most mergers copy one or two.
     */
    private Object[] owned;
    private int ownedCount;
    private java.util.Set<Object> many;

    public Merger(ListMergeStrategy strategy) {
      this.strategy = strategy;
    }

    /** Merges {@code later} into the result, later wins; {@code null} is skipped. */
    public Merger add(Map<?, ?> later) {
      if (later != null) {
        result = into(result, later);
      }
      return this;
    }

    /** The maps added so far, merged. */
    public Map<String, Object> result() {
      return result;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> into(Map<?, ?> earlier, Map<?, ?> later) {
      if (later.isEmpty()) {
        return (Map<String, Object>) earlier;
      }
      if (earlier.isEmpty()) {
        return (Map<String, Object>) later;
      }
      CompactMap target = owns(earlier) ? (CompactMap) earlier : own(new CompactMap((Map<String, Object>) earlier,
          later.size()));
      ((Map<String, Object>) later).forEach((key, value) -> target.combine(key, value, this));
      return target;
    }

    /** Whether this merger copied {@code map}: compared by identity, in a set once there are many. */
    private boolean owns(Map<?, ?> map) {
      if (many != null) {
        return many.contains(map);
      }
      for (int i = 0; i < ownedCount; i++) {
        if (owned[i] == map) {
          return true;
        }
      }
      return false;
    }

    private CompactMap own(CompactMap map) {
      if (owned == null) {
        owned = new Object[8];
      }
      if (many != null) {
        many.add(map);
      } else if (ownedCount < owned.length) {
        owned[ownedCount++] = map;
      } else {
        many = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        many.addAll(java.util.Arrays.asList(owned));
        many.add(map);
      }
      return map;
    }

    /** Two values under one key, merged: what {@link CompactMap#combine} calls back (not for callers). */
    @Override
    public Object apply(Object earlier, Object later) {
      if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
        return into(a, b);
      }
      if (earlier instanceof List<?> a && later instanceof List<?> b) {
        return mergeLists(a, b, strategy);
      }
      return later;
    }
  }

  private static List<?> mergeLists(List<?> earlier, List<?> later, ListMergeStrategy strategy) {
    if (later instanceof AppendList) { // `!append`: whatever the strategy
      List<Object> result = new ArrayList<>(earlier.size() + later.size());
      result.addAll(earlier);
      result.addAll(later);
      return result;
    }
    switch (strategy) {
      case APPEND: {
        List<Object> result = new ArrayList<>(earlier.size() + later.size());
        result.addAll(earlier);
        result.addAll(later);
        return result;
      }
      case MERGE: {
        List<Object> result = new ArrayList<>(Math.max(earlier.size(), later.size()));
        for (int i = 0; i < Math.max(earlier.size(), later.size()); i++) {
          if (i >= earlier.size()) {
            result.add(later.get(i));
          } else if (i >= later.size()) {
            result.add(earlier.get(i));
          } else if (earlier.get(i) instanceof Map<?, ?> a && later.get(i) instanceof Map<?, ?> b) {
            result.add(mergeMaps(a, b, strategy));
          } else {
            result.add(earlier.get(i));
          }
        }
        return result;
      }
      default:
        return later;
    }
  }
}
