package dev.converge.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies component folders into {@link FolderKind}s (spec section 2).
 *
 * <p>Recognition runs in a fixed order, because some folders fit more than one pattern: a vendor
 * target is a strict pin whatever its name; then experiment, hotfix, folder version, strict pin,
 * release track; anything else is trunk. Each pattern is configurable; the defaults follow the
 * Atmos design pattern. Patterns name their parts with the groups {@code name}, {@code version}
 * and {@code track}.
 */
public final class FolderClassifier {

  /** {@code vpc-experiment}, {@code vpc-experiment-ipv6}. */
  public static final Pattern DEFAULT_EXPERIMENT = Pattern.compile("(?<name>.+?)-experiment(?:-.+)?");

  /** {@code vpc-hotfix}. */
  public static final Pattern DEFAULT_EMERGENCY = Pattern.compile("(?<name>.+)-hotfix");

  /** {@code database/v2}. */
  public static final Pattern DEFAULT_FOLDER_VERSION = Pattern.compile("(?<name>.+)/(?<version>v\\d+)");

  /** {@code vpc/1.2.3}, {@code critical-service-v1.2.3}, {@code critical-service-abc123d}. */
  public static final List<Pattern> DEFAULT_STRICT_PINS = List.of(
      Pattern.compile("(?<name>.+)/(?<version>\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?)"),
      Pattern.compile("(?<name>.+)-(?<version>v\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?)"),
      Pattern.compile("(?<name>.+)-(?<version>[0-9a-f]{7,40})"));

  private static final Pattern TRACK_FOLDER = Pattern.compile("(?<track>[^/]+)/(?<name>.+)");

  private final Set<String> tracks;
  private final Set<String> vendorTargets;
  private final Pattern experiment;
  private final Pattern emergency;
  private final Pattern folderVersion;
  private final List<Pattern> strictPins;

  private FolderClassifier(
      Set<String> tracks,
      Set<String> vendorTargets,
      Pattern experiment,
      Pattern emergency,
      Pattern folderVersion,
      List<Pattern> strictPins) {
    this.tracks = Set.copyOf(tracks);
    this.vendorTargets = Set.copyOf(vendorTargets);
    this.experiment = experiment;
    this.emergency = emergency;
    this.folderVersion = folderVersion;
    this.strictPins = List.copyOf(strictPins);
  }

  /** The default classifier with no release tracks and no vendor targets. */
  public static FolderClassifier defaults() {
    return new FolderClassifier(
        Set.of(), Set.of(), DEFAULT_EXPERIMENT, DEFAULT_EMERGENCY, DEFAULT_FOLDER_VERSION, DEFAULT_STRICT_PINS);
  }

  /** A copy that recognises {@code <track>/<name>} for these tracks ({@code alpha}, {@code beta}, ...). */
  public FolderClassifier withTracks(Iterable<String> trackNames) {
    return new FolderClassifier(
        copy(trackNames), vendorTargets, experiment, emergency, folderVersion, strictPins);
  }

  /** A copy that treats these folders (paths under the components base path) as vendored pins. */
  public FolderClassifier withVendorTargets(Iterable<String> folders) {
    return new FolderClassifier(tracks, copy(folders), experiment, emergency, folderVersion, strictPins);
  }

  public FolderClassifier withExperimentPattern(Pattern pattern) {
    return new FolderClassifier(
        tracks, vendorTargets, requireGroup(pattern, "name"), emergency, folderVersion, strictPins);
  }

  public FolderClassifier withEmergencyPattern(Pattern pattern) {
    return new FolderClassifier(
        tracks, vendorTargets, experiment, requireGroup(pattern, "name"), folderVersion, strictPins);
  }

  public FolderClassifier withFolderVersionPattern(Pattern pattern) {
    requireGroup(pattern, "version");
    return new FolderClassifier(
        tracks, vendorTargets, experiment, emergency, requireGroup(pattern, "name"), strictPins);
  }

  public FolderClassifier withStrictPinPatterns(List<Pattern> patterns) {
    patterns.forEach(p -> requireGroup(requireGroup(p, "name"), "version"));
    return new FolderClassifier(tracks, vendorTargets, experiment, emergency, folderVersion, patterns);
  }

  /** Classifies {@code folder} (a {@code metadata.component} value). */
  public ComponentFolder classify(String folder) {
    Objects.requireNonNull(folder, "folder");
    String path = folder.replace('\\', '/');
    ComponentFolder.Builder result = ComponentFolder.builder().path(path);
    if (vendorTargets.contains(path)) {
      Optional<Matcher> pin = strictPins.stream().map(p -> p.matcher(path)).filter(Matcher::matches).findFirst();
      return result.kind(FolderKind.STRICT_PIN)
          .base(pin.map(m -> m.group("name")).orElse(path))
          .version(pin.map(m -> m.group("version")))
          .build();
    }
    Matcher m = experiment.matcher(path);
    if (m.matches()) {
      return result.kind(FolderKind.EXPERIMENT).base(m.group("name")).build();
    }
    m = emergency.matcher(path);
    if (m.matches()) {
      return result.kind(FolderKind.EMERGENCY).base(m.group("name")).build();
    }
    m = folderVersion.matcher(path);
    if (m.matches()) {
      return result.kind(FolderKind.FOLDER_VERSION).base(m.group("name")).version(m.group("version")).build();
    }
    for (Pattern pin : strictPins) {
      m = pin.matcher(path);
      if (m.matches()) {
        return result.kind(FolderKind.STRICT_PIN).base(m.group("name")).version(m.group("version")).build();
      }
    }
    m = TRACK_FOLDER.matcher(path);
    if (m.matches() && tracks.contains(m.group("track"))) {
      return result.kind(FolderKind.RELEASE_TRACK).base(m.group("name")).track(m.group("track")).build();
    }
    return result.kind(FolderKind.TRUNK).base(path).build();
  }

  private static Set<String> copy(Iterable<String> values) {
    Set<String> result = new java.util.LinkedHashSet<>();
    values.forEach(v -> result.add(Objects.requireNonNull(v, "element")));
    return result;
  }

  private static Pattern requireGroup(Pattern pattern, String group) {
    if (!pattern.pattern().contains("(?<" + group + ">")) {
      throw new IllegalArgumentException(
          "pattern (" + pattern.pattern() + ") must name a group '" + group + "', e.g. (?<" + group + ">...)");
    }
    return pattern;
  }
}
