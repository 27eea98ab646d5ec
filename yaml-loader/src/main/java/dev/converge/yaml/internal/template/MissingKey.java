package dev.converge.yaml.internal.template;

/**
 * Go's {@code missingkey} option: what a field of a map that has no such key gives. Atmos runs
 * its templates with {@link #ERROR}.
 */
public enum MissingKey {
  /** {@code missingkey=default}: no value; printed as {@code <no value>}. */
  DEFAULT,
  /** {@code missingkey=invalid}: the same as {@link #DEFAULT}. */
  INVALID,
  /**
   * {@code missingkey=zero}: the zero of the map's element type, a nil interface for YAML maps
   * (printed as {@code <no value>} too, as Go prints it for {@code map[string]interface {}}).
   */
  ZERO,
  /** {@code missingkey=error}: execution stops with {@code map has no entry for key "x"}. */
  ERROR
}
