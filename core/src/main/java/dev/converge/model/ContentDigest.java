package dev.converge.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    Canonical canonical = new Canonical();
    canonical.value(configuration);
    return canonical.finish();
  }

  /**
   * Writes the canonical form straight into the digest through a small buffer: no intermediate
   * string of the whole configuration. Map keys are sorted as strings; strings are written as
   * {@code "<length>:<text>"} so no content can imitate the punctuation around it.
   */
  private static final class Canonical {
    private final MessageDigest digest;
    private final byte[] buffer = new byte[8192];
    private int used;

    Canonical() {
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    void value(Object value) {
      if (value == null) {
        ascii('~');
      } else if (value instanceof Map<?, ?> map) {
        String[] keys = new String[map.size()];
        Object[] values = new Object[map.size()];
        int n = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          keys[n] = String.valueOf(entry.getKey());
          values[n++] = entry.getValue();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
        ascii('{');
        for (int i = 0; i < n; i++) {
          if (i > 0 && keys[order[i]].equals(keys[order[i - 1]])) {
            continue; // two keys rendering alike: the later one wins, as a map of strings would have it
          }
          string(keys[order[i]]);
          ascii(':');
          value(values[lastWithKey(order, keys, i)]);
          ascii(',');
        }
        ascii('}');
      } else if (value instanceof List<?> list) {
        ascii('[');
        for (Object element : list) {
          value(element);
          ascii(',');
        }
        ascii(']');
      } else if (value instanceof CharSequence text) {
        string(text.toString());
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

    private static int lastWithKey(Integer[] order, String[] keys, int i) {
      int last = i;
      while (last + 1 < order.length && keys[order[last + 1]].equals(keys[order[i]])) {
        last++;
      }
      return order[last];
    }

    private void string(String text) {
      ascii('"');
      text(Integer.toString(text.length()));
      ascii(':');
      text(text);
      ascii('"');
    }

    private void text(String text) {
      int length = text.length();
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
      digest.update(bytes);
    }

    private void flush() {
      digest.update(buffer, 0, used);
      used = 0;
    }

    String finish() {
      flush();
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
