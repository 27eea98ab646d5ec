package dev.converge.model;

import dev.converge.internal.digest.SipHash128;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Content digests. A configuration digest is the SHA-256 of a canonical rendering of the resolved
 * configuration: maps with sorted keys, lists in order, scalars tagged by type, so that equal
 * configurations give equal digests whatever the order they were read in, and {@code "2"} differs
 * from {@code 2}.
 */
public final class ContentDigest {

  private ContentDigest() {}

  /** The hex SHA-256 of {@code text} encoded as UTF-8. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The digest of a resolved configuration made of maps, lists, strings, numbers, booleans and nulls. */
  public static String ofConfiguration(Map<String, ?> configuration) {
    return new Digester().ofConfiguration(configuration);
  }

  /**
   * A digester for many configurations in a row: {@link #ofConfiguration} as the static method, but
   * reusing one buffer and one hash state from one configuration to the next. For one thread at a
   * time.
   */
  public static Digester digester() {
    return new Digester();
  }

  /**
   * A digester for comparing loads with one another, never for a ledger: the same canonical form,
   * hashed with 128-bit SipHash-2-4 under a fixed key and written {@code siphash:<32 hex digits>}.
   * Equal configurations give equal digests; different ones give different digests except by a
   * chance of about one in 2<sup>128</sup> (finding a collision on purpose takes about 2<sup>64</sup>
   * hash computations). Several times cheaper than SHA-256 where the JVM has no SHA intrinsic, as
   * under the C1 compiler alone. Its digests never equal a {@link #digester()} digest, so an
   * instance carrying one never matches a ledger record: load with it only to compare two
   * revisions (what {@code converge affected} does). For one thread at a time.
   */
  public static Digester comparisonDigester() {
    return new Digester(new Canonical(new SipSink()));
  }

  /** The prefix of {@link #comparisonDigester()} digests. */
  public static final String COMPARISON_PREFIX = "siphash:";

  /** See {@link #digester()}. */
  public static final class Digester {
    private final Canonical canonical;

    private Digester() {
      this(new Canonical(new ShaSink()));
    }

    private Digester(Canonical canonical) {
      this.canonical = canonical;
    }

    /** The digest of a resolved configuration, as {@link ContentDigest#ofConfiguration} gives it. */
    public String ofConfiguration(Map<String, ?> configuration) {
      canonical.reset(); // in case an earlier configuration failed half-way
      canonical.value(configuration);
      return canonical.finish();
    }

    /**
     * The digest of the configuration made of {@code keys}, each with its value in {@code sections}
     * (null where {@code sections} has none): what {@link #ofConfiguration(Map)} gives for that map,
     * without making it.
     *
     * @param keys in their natural order, each once, as the digest orders them
     * @throws IllegalArgumentException when {@code keys} are not
     */
    public String ofConfiguration(List<String> keys, Map<String, ?> sections) {
      canonical.reset();
      canonical.sortedMap(keys, sections);
      return canonical.finish();
    }
  }

  /** Where the canonical form's bytes go, and what they make. */
  private interface Sink {
    void update(byte[] bytes, int offset, int count);

    String finish();

    void reset();
  }

  /** SHA-256, hex: the ledger's digests. */
  private static final class ShaSink implements Sink {
    /**
     * Cloned rather than looked up: a provider lookup costs more than hashing a small configuration.
     * Never updated itself, so cloning it from several threads only reads it.
     */
    private static final MessageDigest PROTOTYPE = newSha256();

    private final MessageDigest digest;

    ShaSink() {
      MessageDigest d;
      try {
        d = (MessageDigest) PROTOTYPE.clone();
      } catch (CloneNotSupportedException e) {
        d = newSha256();
      }
      digest = d;
    }

    private static MessageDigest newSha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    @Override
    public void update(byte[] bytes, int offset, int count) {
      digest.update(bytes, offset, count);
    }

    @Override
    public String finish() {
      return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void reset() {
      digest.reset();
    }
  }

  /** 128-bit SipHash-2-4 under a fixed key: comparison digests. */
  private static final class SipSink implements Sink {
    private static final byte[] KEY = "converge/compare".getBytes(StandardCharsets.US_ASCII);

    private final SipHash128 hash = new SipHash128(KEY);

    @Override
    public void update(byte[] bytes, int offset, int count) {
      hash.update(bytes, offset, count);
    }

    @Override
    public String finish() {
      return COMPARISON_PREFIX + HexFormat.of().formatHex(hash.finish());
    }

    @Override
    public void reset() {
      hash.reset();
    }
  }

  /**
   * Writes the canonical form straight into the sink through a small buffer: no intermediate
   * string of the whole configuration. Map keys are sorted as strings; strings are written as
   * {@code "<length>:<text>"} so no content can imitate the punctuation around it.
   */
  private static final class Canonical {
    private final Sink digest;
    private final byte[] buffer = new byte[512];
    private int used;
    /** {@link #keys}'s arrays, by depth of map nesting. */
    private String[][] keysByDepth = new String[8][];
    /** How deep in maps the value being written is. */
    private int depth;

    Canonical(Sink digest) {
      this.digest = digest;
    }

    void value(Object value) {
      if (value instanceof String text) {
        string(text); // the common case first
      } else if (value == null) {
        ascii('~');
      } else if (value instanceof Map<?, ?> map) {
        if (!stringMap(map)) {
          anyMap(map);
        }
      } else if (value instanceof List<?> list) {
        ascii('[');
        for (Object element : list) {
          value(element);
          ascii(',');
        }
        ascii(']');
      } else if (value instanceof CharSequence text) {
        string(text.toString());
      } else if (value instanceof DeferredValue deferred) {
        string(deferred.text()); // as the string Atmos keeps until it evaluates the function
      } else if (value instanceof Boolean) {
        ascii('B');
        text(value.toString());
      } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
          || value instanceof Long || value instanceof java.math.BigInteger) {
        ascii('N');
        text(value.toString());
      } else if (value instanceof Number) {
        ascii('D');
        text(value.toString());
      } else {
        ascii('?');
        string(value.toString());
      }
    }

    /**
     * The common case, a map whose keys are all strings: its keys sorted in their natural order,
     * each looked up once. Returns false, having written nothing, when a key is not a string.
     */
    private boolean stringMap(Map<?, ?> map) {
      int size = map.size();
      String[] keys = keys(size);
      int n = 0;
      for (Object key : map.keySet()) {
        if (!(key instanceof String text) || n == size) {
          return false;
        }
        keys[n++] = text;
      }
      if (n != size) {
        return false;
      }
      Arrays.sort(keys, 0, n);
      ascii('{');
      depth++;
      for (int i = 0; i < n; i++) {
        string(keys[i]);
        ascii(':');
        value(map.get(keys[i]));
        ascii(',');
      }
      depth--;
      ascii('}');
      return true;
    }

    /**
     * An array for the keys of a map at the current depth, with room for {@code size}: one per depth,
     * reused from map to map and from configuration to configuration.
     */
    private String[] keys(int size) {
      if (depth == keysByDepth.length) {
        keysByDepth = Arrays.copyOf(keysByDepth, depth * 2);
      }
      String[] keys = keysByDepth[depth];
      if (keys == null || keys.length < size) {
        keys = new String[Math.max(size, 16)];
        keysByDepth[depth] = keys;
      }
      return keys;
    }

    /** A map of {@code keys}, given sorted, with their values in {@code values}. */
    void sortedMap(List<String> keys, Map<String, ?> values) {
      ascii('{');
      String previous = null;
      for (String key : keys) {
        if (previous != null && previous.compareTo(key) >= 0) {
          throw new IllegalArgumentException("keys must be sorted, each once: " + keys);
        }
        previous = key;
        string(key);
        ascii(':');
        value(values.get(key));
        ascii(',');
      }
      ascii('}');
    }

    /** Any other map: keys rendered as strings; of two keys rendering alike, the later one wins. */
    private void anyMap(Map<?, ?> map) {
      Object[] entries = map.entrySet().toArray();
      Arrays.sort(entries, BY_KEY);
      ascii('{');
      for (int i = 0; i < entries.length; i++) {
        String key = key(entries[i]);
        if (i + 1 < entries.length && key.equals(key(entries[i + 1]))) {
          continue; // two keys rendering alike: the later one wins, as a map of strings would have it
        }
        string(key);
        ascii(':');
        value(((Map.Entry<?, ?>) entries[i]).getValue());
        ascii(',');
      }
      ascii('}');
    }

    private static final Comparator<Object> BY_KEY = Comparator.comparing(Canonical::key);

    private static String key(Object entry) {
      Object key = ((Map.Entry<?, ?>) entry).getKey();
      return key instanceof String text ? text : String.valueOf(key);
    }


    private void string(String text) {
      if (buffer.length - used < 16) {
        flush();
      }
      buffer[used++] = '"';
      digits(text.length());
      buffer[used++] = ':';
      text(text);
      ascii('"');
    }

    /** Writes {@code number} in decimal; the caller has made room for its at most ten digits. */
    private void digits(int number) {
      if (number >= 10) {
        digits(number / 10);
      }
      buffer[used++] = (byte) ('0' + number % 10);
    }

    private void text(String text) {
      int length = text.length();
      if (length > buffer.length - used) {
        flush();
      }
      if (length <= buffer.length) {
        // room for all of it: no bounds check per character
        for (int i = 0; i < length; i++) {
          char c = text.charAt(i);
          if (c >= 0x80) {
            bytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
            return;
          }
          buffer[used++] = (byte) c;
        }
        return;
      }
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          bytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
          return;
        }
        ascii(c);
      }
    }

    private void ascii(char c) {
      if (used == buffer.length) {
        flush();
      }
      buffer[used++] = (byte) c;
    }

    private void bytes(byte[] bytes) {
      flush();
      digest.update(bytes, 0, bytes.length);
    }

    private void flush() {
      digest.update(buffer, 0, used);
      used = 0;
    }

    void reset() {
      used = 0;
      depth = 0;
      digest.reset();
    }

    /** The digest of what was written; the digest is then reset, ready for the next. */
    String finish() {
      flush();
      return digest.finish();
    }
  }
}
