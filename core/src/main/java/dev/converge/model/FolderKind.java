package dev.converge.model;

import java.util.Locale;

/** How a component folder relates to trunk (spec section 2). */
public enum FolderKind {
  /** The folder named after the component ({@code vpc}): converges to trunk through the pipeline. */
  TRUNK,
  /** {@code <name>/v<N>} ({@code database/v2}): converges within the version. */
  FOLDER_VERSION,
  /** {@code <track>/<name>} ({@code beta/vpc}): converges to its track's folder. */
  RELEASE_TRACK,
  /** {@code vpc/1.2.3}, {@code name-v1.2.3}, {@code name-<sha>} or a vendor target: never moves on its own. */
  STRICT_PIN,
  /** {@code <name>-experiment[-*]}: visible, isolated, never in production. */
  EXPERIMENT,
  /** {@code <name>-hotfix}: allowed anywhere, reported until the stack returns to trunk. */
  EMERGENCY;

  /** The snake_case word used in files and JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
