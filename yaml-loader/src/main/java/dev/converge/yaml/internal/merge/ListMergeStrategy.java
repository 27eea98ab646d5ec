package dev.converge.yaml.internal.merge;

import java.util.Locale;
import java.util.Optional;

/** How a later list combines with an earlier one ({@code settings.list_merge_strategy}). */
public enum ListMergeStrategy {
  /** The later list replaces the earlier one (Atmos's default). */
  REPLACE,
  /** The lists are concatenated, the earlier first. */
  APPEND,
  /** Index by index: maps deep-merge, scalars keep the earlier value, extra items are kept. */
  MERGE;

  public static Optional<ListMergeStrategy> parse(Object value) {
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
