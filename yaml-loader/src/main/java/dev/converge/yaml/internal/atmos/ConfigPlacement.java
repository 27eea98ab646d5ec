package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.source.RepoPaths;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a load's {@code atmos.yaml} and folders are, as paths relative to the folder the load's
 * {@link dev.converge.yaml.internal.source.SourceTree} is rooted at (normalized; {@code ""} is that
 * folder).
 *
 * @param file the atmos.yaml read, or empty when none was found (Atmos's built-in defaults apply)
 * @param root the folder the embedder opened (Atmos's working folder): where {@code rollout.yaml},
 *     a default {@code vendor.yaml} and a dot-prefixed {@code ATMOS_BASE_PATH} are found
 * @param repository the repository's folder (the git work tree's root, else the opened folder);
 *     no configured path may leave it. Usually {@code ""} or a run of {@code ../} segments
 * @param git whether the repository is a git work tree (a bare or empty {@code base_path} then
 *     means its root, as in Atmos)
 * @param disk the tree's folder on disk, against which absolute paths are read; empty when unknown
 * @param runtimeBasePath {@code ATMOS_BASE_PATH} as the embedder passed it, which replaces
 *     {@code base_path}
 */
public record ConfigPlacement(Optional<String> file, String root, String repository, boolean git,
    Optional<Path> disk, Optional<String> runtimeBasePath) {

  /** Today's layout: atmos.yaml in the opened folder, which is the repository. */
  public static ConfigPlacement atRoot() {
    return new ConfigPlacement(Optional.of(AtmosConfig.FILE), "", "", false, Optional.empty(), Optional.empty());
  }

  /** The folder of {@link #file}, or the opened folder when there is no file. */
  public String configFolder() {
    return file.map(RepoPaths::parent).orElse(root);
  }

  /** This placement for a tree rooted at {@code anchor}, a folder given relative to this one's. */
  public ConfigPlacement rebased(String anchor) {
    return new ConfigPlacement(file.map(f -> RepoPaths.relative(anchor, f)), RepoPaths.relative(anchor, root),
        RepoPaths.relative(anchor, repository), git, disk.map(d -> d.resolve(anchor).normalize()), runtimeBasePath);
  }

  /**
   * Whether the normalized tree-relative {@code path} lies outside the repository: it climbs more
   * folders than lead up to the repository's root (the tree is rooted inside the repository, so
   * {@link #repository} is {@code ""} or {@code ../} segments alone).
   */
  public boolean leavesRepository(String path) {
    return ups(path) > ups(repository);
  }

  private static int ups(String path) {
    int up = 0;
    for (String part : path.split("/")) {
      if (!part.equals("..")) {
        break;
      }
      up++;
    }
    return up;
  }
}
