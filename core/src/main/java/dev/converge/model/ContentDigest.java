package dev.converge.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    StringBuilder canonical = new StringBuilder();
    append(canonical, configuration);
    return sha256(canonical.toString());
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append('~');
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      out.append('{');
      sorted.forEach((k, v) -> {
        appendString(out, k);
        out.append(':');
        append(out, v);
        out.append(',');
      });
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      list.forEach(v -> {
        append(out, v);
        out.append(',');
      });
      out.append(']');
    } else if (value instanceof CharSequence text) {
      appendString(out, text.toString());
    } else if (value instanceof Boolean) {
      out.append('B').append(value);
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long || value instanceof java.math.BigInteger) {
      out.append('N').append(value);
    } else if (value instanceof Number) {
      out.append('D').append(value);
    } else {
      out.append('?');
      appendString(out, value.toString());
    }
  }

  private static void appendString(StringBuilder out, String text) {
    out.append('"').append(text.length()).append(':').append(text).append('"');
  }
}
