package dev.converge.internal.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered map that nothing else can modify: it is made either by copying
 * ({@link #copyOf}) or by taking over a map its maker gives up ({@link #adopt}). Values that hold
 * one need not copy it again, which matters for the loader: an instance's vars, env, settings and
 * backend and a component's describe map, thousands of each per load, are handed over without a
 * copy.
 */
public final class FrozenMap extends AbstractMap<String, Object> {

  private static final FrozenMap EMPTY = new FrozenMap(Map.of());

  private final Map<String, Object> map;
  /** Whether {@link #hasNulls}: unknown (0), no (1), yes (2); worked out once, by any thread. */
  private int nulls;

  private FrozenMap(Map<String, Object> map) {
    this.map = map;
  }

  /** The empty frozen map. */
  public static FrozenMap of() {
    return EMPTY;
  }

  /** A frozen copy of {@code map}, or {@code map} itself when it is already frozen. */
  public static FrozenMap copyOf(Map<String, ?> map) {
    return map instanceof FrozenMap frozen ? frozen : new FrozenMap(new LinkedHashMap<>(map));
  }

  /**
   * Freezes {@code map} without copying it: the caller gives it up, and no one may modify it
   * afterwards (a map that no one modifies anyway, such as a parsed document's, may be adopted by
   * several holders).
   */
  public static FrozenMap adopt(Map<String, Object> map) {
    if (map instanceof FrozenMap frozen) {
      return frozen;
    }
    return map.isEmpty() ? EMPTY : new FrozenMap(map);
  }

  /** Whether some key or value is {@code null}. */
  public boolean hasNulls() {
    if (nulls == 0) {
      boolean[] any = {false};
      // forEach rather than entrySet: a map may have no entry objects of its own to iterate
      map.forEach((key, value) -> any[0] |= key == null || value == null);
      nulls = any[0] ? 2 : 1;
    }
    return nulls == 2;
  }

  @Override
  public Object get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public boolean equals(Object other) {
    return other == this || map.equals(other);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }
}
