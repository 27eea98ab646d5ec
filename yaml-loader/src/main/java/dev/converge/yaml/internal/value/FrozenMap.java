package dev.converge.yaml.internal.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable, insertion-ordered map that nothing else can modify: it is made either by copying
 * ({@link #copyOf}) or by taking over a map its maker gives up ({@link #adopt}). Values that hold
 * one need not copy it again, which matters for the loader's describe maps: one per component, a
 * few dozen keys each.
 */
public final class FrozenMap extends AbstractMap<String, Object> {

  private final Map<String, Object> map;

  private FrozenMap(Map<String, Object> map) {
    this.map = map;
  }

  /** A frozen copy of {@code map}, or {@code map} itself when it is already frozen. */
  public static FrozenMap copyOf(Map<String, ?> map) {
    return map instanceof FrozenMap frozen ? frozen : new FrozenMap(new LinkedHashMap<>(map));
  }

  /**
   * Freezes {@code map} without copying it: the caller must keep no other reference to it that it
   * will use to modify it.
   */
  public static FrozenMap adopt(LinkedHashMap<String, Object> map) {
    return new FrozenMap(map);
  }

  /** Freezes {@code map} without copying it: later {@code put}s on it fail. */
  public static FrozenMap adopt(ShapedMap map) {
    return new FrozenMap(map.freeze());
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
