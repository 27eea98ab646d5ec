package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.source.SourceTree;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the atmos.yaml of a load and the folder the load is rooted at.
 *
 * <p>Atmos merges every atmos.yaml it finds (system folder, home, parent folders, git root, working
 * folder, {@code ATMOS_CLI_CONFIG_PATH}, {@code --config-path}; later wins). A load here reads one
 * file, the first of: the path the embedder gave, {@code ATMOS_CLI_CONFIG_PATH} from the
 * environment it passed, {@code atmos.yaml} in the opened folder, {@code atmos.yaml} at the git work
 * tree's root. Each of the two paths may name the file or its folder, absolute or relative to the
 * opened folder. None found: Atmos's built-in defaults, in the opened folder.
 *
 * <p>The load's tree is then rooted at the anchor: the deepest folder that holds the opened folder,
 * the config's folder, the base path, the stacks and the vendor manifest (component folders may lie
 * elsewhere, as today). When atmos.yaml lies in the opened folder and its paths stay inside it, the
 * anchor is the opened folder and every path of the snapshot is what it always was. Paths that
 * leave the repository do not move the anchor; they are problems of the load.
 */
public final class ConfigSearch {

  /** The environment variable that names the config file or folder. */
  public static final String CONFIG_PATH_VARIABLE = "ATMOS_CLI_CONFIG_PATH";
  /** The environment variable that replaces {@code base_path}. */
  public static final String BASE_PATH_VARIABLE = "ATMOS_BASE_PATH";

  private ConfigSearch() {}

  /** The anchor, relative to the repository's root, and the placement relative to the anchor. */
  public record Found(String anchor, ConfigPlacement placement) {}

  /**
   * Locates atmos.yaml in {@code repository}, the tree rooted at the repository's root.
   *
   * @param disk the repository's root on disk
   * @param root the opened folder, relative to the repository's root
   * @param git whether the repository is a git work tree
   * @param configPath the path the embedder gave, if any
   * @param problems where a config path that names no atmos.yaml, or one outside the repository,
   *     is reported
   */
  public static Found locate(SourceTree repository, Path disk, String root, boolean git, Optional<Path> configPath,
      Map<String, String> environment, Map<String, Object> overrides, Problems problems) {
    Optional<String> file = Optional.empty();
    if (configPath.isPresent()) {
      file = named(repository, disk, root, configPath.get().toString(), "config path", problems);
    } else if (!environment.getOrDefault(CONFIG_PATH_VARIABLE, "").isEmpty()) {
      file = named(repository, disk, root, environment.get(CONFIG_PATH_VARIABLE), CONFIG_PATH_VARIABLE, problems);
    } else if (repository.isFile(RepoPaths.join(root, AtmosConfig.FILE))) {
      file = Optional.of(RepoPaths.join(root, AtmosConfig.FILE));
    } else if (git && repository.isFile(AtmosConfig.FILE)) {
      file = Optional.of(AtmosConfig.FILE);
    }
    Optional<String> runtimeBase = Optional.ofNullable(environment.get(BASE_PATH_VARIABLE)).filter(s -> !s.isEmpty());
    ConfigPlacement placement = new ConfigPlacement(file, root, "", git, Optional.of(disk), runtimeBase);
    if (problems.hasErrors()) {
      return new Found(root, placement.rebased(root));
    }
    // What the paths are, relative to the repository; their problems are reported by the load itself.
    AtmosConfig probe = AtmosConfig.read(repository, placement, overrides, new Problems());
    List<String> folders = new ArrayList<>(List.of(root, placement.configFolder(), probe.basePath(),
        probe.stacksBasePath()));
    probe.vendorBasePath().map(v -> repository.isFile(v) ? RepoPaths.parent(v) : v).ifPresent(folders::add);
    String anchor = root;
    for (String folder : folders) {
      if (!RepoPaths.leavesRoot(folder)) {
        anchor = RepoPaths.commonAncestor(anchor, folder);
      }
    }
    return new Found(anchor, placement.rebased(anchor));
  }

  /** The atmos.yaml that {@code value} names (the file, or the folder that holds it). */
  private static Optional<String> named(SourceTree repository, Path disk, String root, String value, String source,
      Problems problems) {
    String path;
    try {
      Path given = disk.getFileSystem().getPath(value);
      Path absolute = given.isAbsolute() ? given.normalize() : disk.resolve(root).resolve(given).normalize();
      path = absolute.startsWith(disk) ? RepoPaths.normalize(disk.relativize(absolute).toString()) : null;
    } catch (InvalidPathException e) {
      path = null;
    }
    SourceLocation at = SourceLocation.ofFile(value);
    if (path == null) {
      problems.error("path-outside-repository", source + " `" + value + "` leaves the repository " + disk, at,
          "keep atmos.yaml inside the repository, the git work tree or the opened folder");
      return Optional.empty();
    }
    if (repository.isFile(path)) {
      return Optional.of(path);
    }
    String inFolder = RepoPaths.join(path, AtmosConfig.FILE);
    if (repository.isDirectory(path) && repository.isFile(inFolder)) {
      return Optional.of(inFolder);
    }
    problems.error("config-not-found", source + " `" + value + "` names no atmos.yaml (looked for "
        + (path.isEmpty() ? AtmosConfig.FILE : path + " and " + inFolder) + ")", at,
        "point " + source + " at atmos.yaml or the folder that holds it");
    return Optional.empty();
  }
}
