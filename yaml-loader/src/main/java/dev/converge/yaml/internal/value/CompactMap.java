package dev.converge.yaml.internal.value;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;

/**
 * An insertion-ordered map held in one array of keys and values side by side, for the many small
 * maps of a load: a parsed document's maps and the maps merging builds from them, hundreds of
 * thousands per load, most with a handful of keys.
 *
 * <p>Why: a {@code LinkedHashMap} of n keys is a table plus n entry objects of 40 bytes, each
 * linked to the next. Here the same map is a header and one array of 8 bytes per key, read in
 * order by iteration (the config digest and every merge iterate far more than they look up). The
 * loader is bound by memory traffic more than by arithmetic, so the smaller, contiguous form is the
 * faster one.
 *
 * <p>How: up to {@value #LINEAR} keys, a lookup compares keys in order with {@code equals} (a
 * string equal to itself answers at once), which for such sizes costs less than hashing. Beyond
 * that, an index of
 * open-addressed slots (an entry's position plus one, linearly probed) is built and kept alongside:
 * one byte per slot for maps of up to {@value #BYTE_INDEXED} keys (every merged {@code vars} of a
 * load has an index, and bytes make it a quarter of the size), an {@code int} per slot beyond.
 * Removal shifts the later entries down, so iteration order stays insertion order, and rebuilds the
 * index: it is rare in the loader (a handful of keys dropped from copies).
 *
 * <p>Keys and values may be {@code null}. Not thread-safe; the loader builds a map on one thread
 * and only reads it afterwards, from any thread, once it has been handed over.
 */
public class CompactMap extends AbstractMap<String, Object> {

  /** Up to this many keys, lookups scan instead of hashing. */
  static final int LINEAR = 8;

  private static final Object[] NONE = {};

  /** Keys at even positions, each key's value right after it. */
  private Object[] slots;
  private int size;
  /** Up to this many keys, the index holds a byte per slot. */
  static final int BYTE_INDEXED = Byte.MAX_VALUE;

  /**
   * Positions plus one, by hash, linearly probed: a {@code byte[]} up to {@link #BYTE_INDEXED} keys,
   * an {@code int[]} beyond; null while the map has at most {@link #LINEAR} keys.
   */
  private Object index;
  private int modifications;

  /** An empty map. */
  public CompactMap() {
    slots = NONE;
  }

  /** An empty map with room for {@code expected} keys. */
  public CompactMap(int expected) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected (" + expected + ") must not be negative");
    }
    slots = expected == 0 ? NONE : new Object[2 * expected];
  }

  /** A copy of {@code map}, in its iteration order. */
  public CompactMap(Map<String, ?> map) {
    this(map, 0);
  }

  /** A copy of {@code map}, in its iteration order, with room for {@code more} keys. */
  public CompactMap(Map<String, ?> map, int more) {
    if (more < 0) {
      throw new IllegalArgumentException("more (" + more + ") must not be negative");
    }
    if (map instanceof CompactMap compact) {
      slots = Arrays.copyOf(compact.slots, 2 * (compact.size + more));
      size = compact.size;
      index = compact.index instanceof byte[] bytes ? bytes.clone()
          : compact.index instanceof int[] ints ? ints.clone() : null;
    } else {
      slots = new Object[2 * (map.size() + more)];
      map.forEach(this::append);
      if (size > LINEAR) {
        reindex(size);
      }
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Object get(Object key) {
    int at = find(key);
    return at < 0 ? null : slots[at + 1];
  }

  @Override
  public Object getOrDefault(Object key, Object otherwise) {
    int at = find(key);
    return at < 0 ? otherwise : slots[at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    for (int i = 1; i < 2 * size; i += 2) {
      if (Objects.equals(value, slots[i])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object put(String key, Object value) {
    int at = find(key);
    if (at >= 0) {
      Object old = slots[at + 1];
      slots[at + 1] = value;
      return old;
    }
    add(key, value);
    return null;
  }

  /** Adds {@code key}, known to be absent. */
  private void add(String key, Object value) {
    append(key, value);
    if (index != null) {
      if (4 * size > 3 * slotCount(index) || size == BYTE_INDEXED + 1) {
        reindex(size);
      } else {
        insert(index, hash(key), size);
      }
    } else if (size > LINEAR) {
      reindex(size);
    }
  }

  /**
   * Puts {@code value} at {@code key} when the map has no such key, or else {@code merge} of the
   * value it has and {@code value}: {@link Map#merge} without its special meaning of {@code null}.
   */
  public void combine(String key, Object value, BinaryOperator<Object> merge) {
    int at = find(key);
    if (at >= 0) {
      slots[at + 1] = merge.apply(slots[at + 1], value);
    } else {
      add(key, value);
    }
  }

  @Override
  public Object remove(Object key) {
    int at = find(key);
    if (at < 0) {
      return null;
    }
    Object old = slots[at + 1];
    System.arraycopy(slots, at + 2, slots, at, 2 * size - at - 2);
    size--;
    slots[2 * size] = null;
    slots[2 * size + 1] = null;
    modifications++;
    if (index != null) {
      if (size > LINEAR) {
        reindex(size);
      } else {
        index = null;
      }
    }
    return old;
  }

  @Override
  public void clear() {
    Arrays.fill(slots, 0, 2 * size, null);
    size = 0;
    index = null;
    modifications++;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    int expected = modifications;
    for (int i = 0; i < 2 * size; i += 2) {
      action.accept((String) slots[i], slots[i + 1]);
      if (modifications != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public boolean contains(Object key) {
        return containsKey(key);
      }

      @Override
      public Iterator<String> iterator() {
        return new Cursor<>() {
          @Override
          String at(int position) {
            return (String) slots[position];
          }
        };
      }
    };
  }

  @Override
  public Collection<Object> values() {
    return new AbstractCollection<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Object> iterator() {
        return new Cursor<>() {
          @Override
          Object at(int position) {
            return slots[position + 1];
          }
        };
      }
    };
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
        return new Cursor<>() {
          @Override
          Entry<String, Object> at(int position) {
            return new Slot(position);
          }
        };
      }
    };
  }

  /** An entry that reads and writes its map at its position. */
  private final class Slot implements Entry<String, Object> {
    private final int position;

    Slot(int position) {
      this.position = position;
    }

    @Override
    public String getKey() {
      return (String) slots[position];
    }

    @Override
    public Object getValue() {
      return slots[position + 1];
    }

    @Override
    public Object setValue(Object value) {
      Object old = slots[position + 1];
      slots[position + 1] = value;
      return old;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Entry<?, ?> e && Objects.equals(getKey(), e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }

  /** Iterates the positions of the entries in order; {@link #remove} removes the last one returned. */
  private abstract class Cursor<T> implements Iterator<T> {
    private int next;
    private int last = -1;
    private int expected = modifications;

    abstract T at(int position);

    @Override
    public boolean hasNext() {
      return next < 2 * size;
    }

    @Override
    public T next() {
      if (modifications != expected) {
        throw new ConcurrentModificationException();
      }
      if (next >= 2 * size) {
        throw new NoSuchElementException();
      }
      last = next;
      next += 2;
      return at(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException("next() first");
      }
      if (modifications != expected) {
        throw new ConcurrentModificationException();
      }
      CompactMap.this.remove(slots[last]);
      expected = modifications;
      next = last;
      last = -1;
    }
  }

  /** The position of {@code key}'s slot, or -1. */
  private int find(Object key) {
    Object[] s = slots;
    if (index == null) {
      int end = 2 * size;
      if (key == null) {
        for (int i = 0; i < end; i += 2) {
          if (s[i] == null) {
            return i;
          }
        }
      } else {
        for (int i = 0; i < end; i += 2) {
          if (key.equals(s[i])) { // a string is equal to itself at once
            return i;
          }
        }
      }
      return -1;
    }
    if (index instanceof byte[] table) {
      int mask = table.length - 1;
      for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
        int entry = table[i];
        if (entry == 0) {
          return -1;
        }
        int position = 2 * (entry - 1);
        if (Objects.equals(key, s[position])) {
          return position;
        }
      }
    }
    int[] table = (int[]) index;
    int mask = table.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      int entry = table[i];
      if (entry == 0) {
        return -1;
      }
      int position = 2 * (entry - 1);
      if (Objects.equals(key, s[position])) {
        return position;
      }
    }
  }

  private void append(String key, Object value) {
    if (2 * size == slots.length) {
      slots = Arrays.copyOf(slots, Math.max(8, (slots.length + (slots.length >> 1)) & ~1));
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = value;
    size++;
    modifications++;
  }

  /** Rebuilds the index for {@code count} keys: half full at most, and rebuilt once three quarters full. */
  private void reindex(int count) {
    int capacity = Integer.highestOneBit(2 * count - 1) << 1;
    Object table = count <= BYTE_INDEXED ? new byte[capacity] : new int[capacity];
    for (int i = 0; i < size; i++) {
      insert(table, hash(slots[2 * i]), i + 1);
    }
    index = table;
  }

  private static int slotCount(Object table) {
    return table instanceof byte[] bytes ? bytes.length : ((int[]) table).length;
  }

  private static void insert(Object table, int hash, int entry) {
    if (table instanceof byte[] bytes) {
      int mask = bytes.length - 1;
      int i = hash & mask;
      while (bytes[i] != 0) {
        i = (i + 1) & mask;
      }
      bytes[i] = (byte) entry;
    } else {
      int[] ints = (int[]) table;
      int mask = ints.length - 1;
      int i = hash & mask;
      while (ints[i] != 0) {
        i = (i + 1) & mask;
      }
      ints[i] = entry;
    }
  }

  private static int hash(Object key) {
    int h = key == null ? 0 : key.hashCode();
    return h ^ (h >>> 16);
  }
}
