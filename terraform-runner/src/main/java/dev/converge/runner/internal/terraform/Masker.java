package dev.converge.runner.internal.terraform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Replaces the values of sensitive variables with {@code ***} wherever they appear in a line.
 * A variable is sensitive when its name matches the configured pattern; every string (and number)
 * inside its value is masked, longest first so that a secret containing another is masked whole.
 * Values shorter than {@value #MIN_LENGTH} characters are not masked: they would blank out
 * ordinary text and protect nothing.
 */
public final class Masker {

  public static final String MASK = "***";
  static final int MIN_LENGTH = 3;

  private final List<String> secrets;

  private Masker(Collection<String> secrets) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(secrets));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  public static Masker of(Pattern sensitiveNames, Collection<String> literal, List<Map<String, ?>> sources) {
    Set<String> secrets = new TreeSet<>();
    literal.forEach(s -> collect(s, secrets));
    for (Map<String, ?> source : sources) {
      source.forEach((name, value) -> {
        if (sensitiveNames.matcher(name).matches()) {
          collect(value, secrets);
        }
      });
    }
    return new Masker(secrets);
  }

  private static void collect(Object value, Set<String> into) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, into));
    } else if (value instanceof Collection<?> list) {
      list.forEach(v -> collect(v, into));
    } else if (value != null) {
      String text = String.valueOf(value);
      if (text.length() >= MIN_LENGTH) {
        into.add(text);
      }
    }
  }

  public String mask(String line) {
    String masked = line;
    for (String secret : secrets) {
      if (masked.contains(secret)) {
        masked = masked.replace(secret, MASK);
      }
    }
    return masked;
  }

  int size() {
    return secrets.size();
  }
}
