package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.SourceTree;
import dev.converge.yaml.internal.template.GoStringer;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Atmos's Version Tracker lock file ({@code versions.lock.yaml}, {@code pkg/version/manager}): per
 * track, the version locked for each dependency. A stack asserts its track ({@code version:
 * {track: dev}}), else atmos.yaml's {@code version.track}, else {@code default}; {@code !version
 * name} is the locked version of that track and {@code {{ .version.name }}} the reference
 * ({@code .Version}, {@code .Digest}, {@code .Pin}), printed as its version (its digest when the
 * dependency pins by digest).
 */
final class VersionLock {

  private final Map<String, Object> tracks;

  private VersionLock(Map<String, Object> tracks) {
    this.tracks = tracks;
  }

  /** The lock file atmos.yaml names, when it exists; its YAML problems are reported. */
  static Optional<VersionLock> read(SourceTree tree, AtmosConfig config, Problems problems) {
    String file = config.versionLockFile();
    return tree.readText(file, problems).flatMap(text -> YamlReader.read(file, text, problems))
        .map(YamlFile::value).map(v -> new VersionLock(Values.map(Values.map(v), "tracks")));
  }

  /** The version of {@code name} locked for {@code track}, if any. */
  Optional<String> locked(String track, String name) {
    return Values.string(Values.map(Values.map(tracks, track), name), "version").filter(v -> !v.isEmpty());
  }

  /** Atmos's {@code VersionMap}: every dependency locked for {@code track}, as a template reads it. */
  Map<String, Object> references(String track, AtmosConfig config) {
    Map<String, Object> result = new LinkedHashMap<>();
    Values.map(tracks, track).forEach((name, entry) -> {
      Map<String, Object> e = Values.map(entry);
      Optional<String> pin = configuredPin(config, track, name);
      result.put(name, new Reference(Values.string(e, "version").orElse(""), Values.string(e, "digest").orElse(""),
          pin.orElse("")));
    });
    return result;
  }

  /** The pin of a configured dependency: the track's entry over the base catalog ({@code EffectiveEntries}). */
  private static Optional<String> configuredPin(AtmosConfig config, String track, String name) {
    Map<String, Object> base = Values.path(config.version(), "dependencies", name);
    Map<String, Object> inTrack = Values.path(config.version(), "tracks", track, "dependencies", name);
    if (base.isEmpty() && inTrack.isEmpty()) {
      return Optional.empty();
    }
    String pin = Values.string(Values.map(inTrack, "update"), "pin")
        .or(() -> Values.string(Values.map(base, "update"), "pin")).orElse("");
    return Optional.of(pin.equals("digest") || pin.equals("sha") ? "digest" : "none");
  }

  /** Atmos's {@code VersionRef}: fields a template reads, printed by its {@code String()}. */
  static final class Reference extends AbstractMap<String, Object> implements GoStringer {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Reference(String version, String digest, String pin) {
      fields.put("Version", version);
      fields.put("Digest", digest);
      fields.put("Pin", pin);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return new LinkedHashSet<>(fields.entrySet());
    }

    @Override
    public String goString() {
      return "digest".equals(fields.get("Pin")) && !"".equals(fields.get("Digest"))
          ? (String) fields.get("Digest") : (String) fields.get("Version");
    }

    @Override
    public String goTypeName() {
      return "manager.VersionRef";
    }

    @Override
    public String toString() {
      return goString();
    }
  }
}
