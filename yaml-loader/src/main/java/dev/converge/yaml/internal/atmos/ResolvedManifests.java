package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifests one load resolved, kept for the next load of the same repository (with
 * {@code reuseParses}, as {@code converge affected} loads its two revisions): a manifest that merges
 * to an equal manifest under an equal atmos.yaml resolves to equal components, so the next load
 * takes them instead of resolving the manifest again.
 *
 * <p>Why it is sound: resolving a manifest reads the merged manifest (its document, imports,
 * contributing files, definitions' locations and locals), atmos.yaml, the version lock file and the
 * load's environment, and nothing else, unless a Go template or a YAML function is evaluated: those
 * can read the revision (a template's {@code now} is its commit time) or the outside world. So a
 * manifest is taken from the last load only when it is equal to the one kept, atmos.yaml's
 * configuration is equal, neither load has a version lock file, and no template can be rendered
 * while resolving it: the manifest holds none and has no YAML function, atmos.yaml's env holds none,
 * the delimiters are Atmos's, and no {@code stacks.name_template} names its stacks. Loads that keep
 * describe maps resolve every manifest (a kept describe map is shared by its loads' components).
 * The problems resolving it reported are reported again, in the same order.
 *
 * <p>Each load gets its own copies of the kept describe maps, which the loader writes to: two loads
 * at once never share one. Only the last finished load's manifests are kept.
 */
final class ResolvedManifests {

  /** One manifest as resolved: its components with describe maps no load writes to, and its problems. */
  private record Kept(ManifestProcessor.Manifest manifest, List<ResolvedSection> sections, List<Problem> problems) {}

  private record State(AtmosConfig config, Map<String, Kept> manifests) {}

  private volatile State kept = new State(null, Map.of());

  /**
   * A memo for one load under {@code config}. It reuses nothing for a load that keeps describe maps
   * (a kept one would be shared by two loads' components), where a version lock file is read
   * ({@code !version}), or where atmos.yaml could put a template in a manifest that holds none.
   */
  Load begin(AtmosConfig config, boolean describeMaps, boolean lockFile) {
    boolean reusable = !describeMaps && !lockFile && !ComponentResolver.rendersUnmarked(config)
        && config.nameTemplate().isEmpty();
    return new Load(config, reusable, kept);
  }

  /** One load's side of the memo; for the load's threads at once. */
  final class Load {
    private final AtmosConfig config;
    private final boolean reusable;
    private final Map<String, Kept> previous;
    private final Map<String, Kept> current = new ConcurrentHashMap<>();

    private Load(AtmosConfig config, boolean reusable, State kept) {
      this.config = config;
      this.reusable = reusable;
      this.previous = reusable && config.equals(kept.config()) ? kept.manifests() : Map.of();
    }

    /** The components the last load resolved {@code manifest} to, as copies, and the problems it reported. */
    Optional<Reused> reuse(ManifestProcessor.Manifest manifest) {
      Kept kept = previous.get(manifest.path());
      if (kept == null || !reusable(manifest) || !kept.manifest().equals(manifest)) {
        return Optional.empty();
      }
      current.put(manifest.path(), kept);
      return Optional.of(new Reused(copies(kept.sections()), kept.problems()));
    }

    /** Keeps {@code manifest}'s components as just resolved, before the loader writes to their describe maps. */
    void keep(ManifestProcessor.Manifest manifest, List<ResolvedSection> sections, List<Problem> problems) {
      if (reusable(manifest)) {
        current.put(manifest.path(), new Kept(manifest, copies(sections), List.copyOf(problems)));
      }
    }

    private boolean reusable(ManifestProcessor.Manifest manifest) {
      return reusable && !manifest.templated() && !manifest.functions();
    }

    /** Keeps this load's manifests for the next load, in place of the last one's. */
    void finish() {
      if (reusable) {
        kept = new State(config, Map.copyOf(current));
      }
    }
  }

  /** A manifest's components taken from the last load, and the problems to report again. */
  record Reused(List<ResolvedSection> sections, List<Problem> problems) {}

  private static List<ResolvedSection> copies(List<ResolvedSection> sections) {
    List<ResolvedSection> copies = new ArrayList<>(sections.size());
    for (ResolvedSection s : sections) {
      copies.add(s.withSection(s.section().copy()));
    }
    return copies;
  }
}
