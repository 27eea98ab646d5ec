package dev.converge.yaml.internal.value;

import dev.converge.internal.value.FrozenMap;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A map whose possible keys, and their order, are fixed by a {@link Shape} that many maps share:
 * each map holds only an array of values, a {@code null} value meaning the key is absent. The
 * loader's describe maps have the same three dozen keys for every component; held this way, each
 * costs one array instead of a hash table and an entry per key.
 *
 * <p>{@link #put} fills a key of the shape (until the map is frozen); every other change is
 * refused. Iteration follows the shape's order.
 */
public final class ShapedMap extends AbstractMap<String, Object> {

  /** The keys a map may hold, in the order it iterates them. */
  public static final class Shape {
    private final String[] keys;
    /**
     * The keys by hash, open-addressed and linearly probed, and each one's position: a lookup is a
     * probe or two and a comparison (by reference first: callers pass the same literals), with no
     * boxed position to read.
     */
    private final String[] table;
    private final int[] positions;

    public Shape(List<String> keys) {
      this.keys = keys.toArray(String[]::new);
      int capacity = Integer.highestOneBit(Math.max(1, 2 * this.keys.length - 1)) << 1;
      this.table = new String[capacity];
      this.positions = new int[capacity];
      for (int i = 0; i < this.keys.length; i++) {
        if (at(this.keys[i]) >= 0) {
          throw new IllegalArgumentException("key `" + this.keys[i] + "` twice in " + keys);
        }
        int slot = this.keys[i].hashCode() & (capacity - 1);
        while (table[slot] != null) {
          slot = (slot + 1) & (capacity - 1);
        }
        table[slot] = this.keys[i];
        positions[slot] = i;
      }
    }

    /** The position of {@code key}, or -1 when it is not one of the shape's keys. */
    int at(Object key) {
      if (!(key instanceof String text)) {
        return -1;
      }
      int mask = table.length - 1;
      for (int slot = text.hashCode() & mask; ; slot = (slot + 1) & mask) {
        String candidate = table[slot];
        if (candidate == null) {
          return -1;
        }
        if (candidate == text || candidate.equals(text)) {
          return positions[slot];
        }
      }
    }

    /** An empty map of this shape, open to {@link ShapedMap#put}. */
    public ShapedMap newMap() {
      return new ShapedMap(this);
    }
  }

  private final Shape shape;
  private final Object[] values;
  private int size;
  private boolean frozen;

  private ShapedMap(Shape shape) {
    this.shape = shape;
    this.values = new Object[shape.keys.length];
  }

  /** Sets {@code key}, which must be one of the shape's; a {@code null} value removes it. */
  @Override
  public Object put(String key, Object value) {
    if (frozen) {
      throw new UnsupportedOperationException("frozen");
    }
    int at = shape.at(key);
    if (at < 0) {
      throw new IllegalArgumentException("`" + key + "` is not a key of this map's shape");
    }
    Object old = values[at];
    size += (value != null ? 1 : 0) - (old != null ? 1 : 0);
    values[at] = value;
    return old;
  }

  /** An open map of the same shape holding the same values (a {@link Computed} one as it stands). */
  public ShapedMap copy() {
    ShapedMap copy = new ShapedMap(shape);
    System.arraycopy(values, 0, copy.values, 0, values.length);
    copy.size = size;
    return copy;
  }

  /** Refuses every later {@link #put}; returns this map, frozen. */
  public FrozenMap freeze() {
    frozen = true;
    return FrozenMap.adopt(this);
  }

  /**
   * A value computed on first read, for a key that costs time to compute and that only a reader of
   * the whole map (describe) wants: put it as the value, and {@link #get} and iteration replace it
   * with what {@link #compute} gives. A subclass holds only what it needs, where thousands live as
   * long as a snapshot. {@link #compute} must be pure: two threads reading at once may both run it
   * and store equal results.
   */
  public abstract static class Computed {
    protected abstract Object compute();
  }

  private Object value(int at) {
    Object value = values[at];
    if (value instanceof Computed computed) {
      value = computed.compute();
      values[at] = value;
    }
    return value;
  }

  @Override
  public Object get(Object key) {
    int at = shape.at(key);
    return at < 0 ? null : value(at);
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int i = from;
            while (i < values.length && values[i] == null) {
              i++;
            }
            return i;
          }

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> entry = new SimpleImmutableEntry<>(shape.keys[next], value(next));
            next = advance(next + 1);
            return entry;
          }
        };
      }
    };
  }
}
