package dev.converge.yaml;

/**
 * Told how a load advances, for a progress display: how many stack manifests are read, merged and
 * resolved, then how many components are built (digests, instances), each out of how many. Set it
 * with {@link AtmosRepository.Builder#progress}.
 *
 * <p>A load calls it from its worker threads, at once and out of order: {@code done} may arrive
 * smaller than a figure already seen, so keep the largest. It is called once per manifest and once
 * per slice of components: keep it cheap, and never block.
 */
@FunctionalInterface
public interface LoadProgress {

  /** Nothing to tell: the default. */
  LoadProgress NONE = (stage, done, total) -> { };

  /** {@code done} of the {@code total} items of {@code stage} are finished. */
  void advanced(Stage stage, int done, int total);

  /** The stages of a load, in order. */
  enum Stage {
    /** Stack manifests read, their imports merged and their components resolved. */
    MANIFESTS,
    /** Components built: configuration digests, dependencies, instances. */
    COMPONENTS
  }
}
