package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.source.RepoPaths;
import dev.converge.yaml.internal.source.SourceTree;
import java.nio.file.Path;

/**
 * Atmos's base path resolution ({@code pkg/config/config.go}, {@code resolveAbsolutePath} and
 * {@code git_root.go}, {@code applyGitRootBasePath}), with the working folder replaced by the
 * folder the embedder opened and every path relative to the load's tree:
 *
 * <ul>
 *   <li>an absolute path is taken as it is (and read relative to the tree's folder on disk);
 *   <li>{@code .}, {@code ..}, {@code ./x}, {@code ../x} are relative to the folder of atmos.yaml,
 *       or to the opened folder when they come from {@code ATMOS_BASE_PATH};
 *   <li>{@code ""} is the git work tree's root (the config's folder outside git);
 *   <li>a bare path ({@code stacks}) is under the git root when it exists there, else under the
 *       opened folder when it exists there, else under the git root; outside git, under the
 *       config's folder when it exists there, else under the opened folder when it exists there;
 *   <li>a {@code base_path} of {@code .} in an atmos.yaml found elsewhere than the opened folder
 *       (which then has none) means the git root, as Atmos's git-root discovery makes it.
 * </ul>
 *
 * <p>Paths under the base path ({@code stacks.base_path}, {@code components.*.base_path},
 * {@code vendor.base_path}) are joined to it unless absolute.
 */
final class BasePaths {

  private final SourceTree tree;
  private final ConfigPlacement placement;
  private final String label;

  BasePaths(SourceTree tree, ConfigPlacement placement, String label) {
    this.tree = tree;
    this.placement = placement;
    this.label = label;
  }

  ConfigPlacement placement() {
    return placement;
  }

  /** The name problems give atmos.yaml: its path relative to the tree. */
  String label() {
    return label;
  }

  boolean leavesRepository(String path) {
    return placement.leavesRepository(path);
  }

  /**
   * The base path, tree-relative: {@code ATMOS_BASE_PATH} when the embedder passed one, else
   * {@code configured}, the value of {@code base_path} ({@code .} when the file leaves it out).
   */
  String base(String configured, boolean filePresent) {
    if (placement.runtimeBasePath().isPresent()) {
      return resolve(placement.runtimeBasePath().get(), true);
    }
    if (!filePresent) {
      return RepoPaths.join(placement.root(), configured); // Atmos's defaults, in the opened folder as always
    }
    boolean openedHasConfig = tree.isFile(RepoPaths.join(placement.root(), AtmosConfig.FILE));
    if (placement.git() && configured.equals(".") && !openedHasConfig) {
      return placement.repository();
    }
    return resolve(configured, false);
  }

  /** {@code path} under the resolved {@code base}, unless absolute. */
  String under(String base, String path) {
    return isAbsolute(path) ? absolute(path) : RepoPaths.join(base, path);
  }

  private String resolve(String value, boolean runtime) {
    if (isAbsolute(value)) {
      return absolute(value);
    }
    if (isDotPrefixed(value)) {
      return RepoPaths.join(runtime ? placement.root() : placement.configFolder(), value);
    }
    if (placement.git()) {
      if (value.isEmpty()) {
        return placement.repository();
      }
      String atGitRoot = RepoPaths.join(placement.repository(), value);
      if (exists(atGitRoot)) {
        return atGitRoot;
      }
      String atOpened = RepoPaths.join(placement.root(), value);
      return exists(atOpened) ? atOpened : atGitRoot;
    }
    if (runtime && !value.isEmpty() && exists(RepoPaths.join(placement.root(), value))) {
      return RepoPaths.join(placement.root(), value);
    }
    String atConfig = RepoPaths.join(placement.configFolder(), value);
    if (value.isEmpty() || exists(atConfig)) {
      return atConfig;
    }
    String atOpened = RepoPaths.join(placement.root(), value);
    return exists(atOpened) ? atOpened : atConfig;
  }

  private boolean exists(String path) {
    return tree.isDirectory(path) || tree.isFile(path);
  }

  private static boolean isDotPrefixed(String value) {
    return value.equals(".") || value.equals("..") || value.startsWith("./") || value.startsWith("../")
        || value.startsWith(".\\") || value.startsWith("..\\");
  }

  static boolean isAbsolute(String value) {
    return value.startsWith("/") || value.startsWith("\\")
        || value.length() > 2 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
            && (value.charAt(2) == '/' || value.charAt(2) == '\\');
  }

  /**
   * An absolute path relative to the tree's folder on disk (a revision load maps it into the
   * revision by the same rule). Without a folder on disk, or on another drive, it cannot be placed:
   * it is then taken as leaving the repository.
   */
  private String absolute(String value) {
    if (placement.disk().isPresent()) {
      Path disk = placement.disk().get();
      try {
        Path target = disk.getFileSystem().getPath(value).normalize();
        if (target.isAbsolute() && target.getRoot().equals(disk.getRoot())) {
          return RepoPaths.normalize(disk.relativize(target).toString());
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a path on this system: outside the repository
      }
    }
    return RepoPaths.normalize(placement.repository() + "/../" + value.replace(':', '_'));
  }
}
