package dev.converge.yaml.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Git tree ids of folders of a git work tree, as {@code git add} would store them: files that git
 * ignores ({@code .terraform/}, state files) are left out, and file modes and line endings follow
 * the repository's settings. So a working tree whose folder matches a commit has that commit's
 * digest even with a {@code .terraform/} cache inside.
 *
 * <p>How: JGit's working-tree iterator walks the folder (ignore rules applied, blob ids computed
 * with the repository's clean filters), and the trees are formatted bottom-up with entries in git's
 * order.
 */
final class WorkTreeIds {

  private WorkTreeIds() {}

  /** The tree id of {@code folder} (relative to the work tree), or empty when nothing in it is tracked or addable. */
  static Optional<String> of(Repository repository, String folder) {
    Map<String, Object> root = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(new FileTreeIterator(repository));
      walk.setFilter(PathFilter.create(folder));
      walk.setRecursive(false);
      while (walk.next()) {
        WorkingTreeIterator entry = walk.getTree(0, WorkingTreeIterator.class);
        if (entry.isEntryIgnored()) {
          continue;
        }
        String path = walk.getPathString();
        if (walk.isSubtree()) {
          if (!path.equals(folder) && !folder.startsWith(path + "/") && !path.startsWith(folder + "/")) {
            continue;
          }
          walk.enterSubtree();
          continue;
        }
        if (!path.startsWith(folder + "/")) {
          continue;
        }
        FileMode mode = entry.getEntryFileMode();
        if (mode == FileMode.GITLINK) {
          continue;
        }
        put(root, path.substring(folder.length() + 1).split("/"), new Blob(mode, entry.getEntryObjectId()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
      return Optional.of(tree(root, formatter).name());
    }
  }

  private record Blob(FileMode mode, ObjectId id) {}

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> node, String[] parts, Blob blob) {
    Map<String, Object> current = node;
    for (int i = 0; i < parts.length - 1; i++) {
      current = (Map<String, Object>) current.computeIfAbsent(parts[i], k -> new TreeMap<String, Object>());
    }
    current.put(parts[parts.length - 1], blob);
  }

  @SuppressWarnings("unchecked")
  private static ObjectId tree(Map<String, Object> node, ObjectInserter.Formatter formatter) {
    List<GitTreeIds.Entry> entries = new ArrayList<>(node.size());
    node.forEach((name, child) -> entries.add(child instanceof Blob blob
        ? new GitTreeIds.Entry(name, blob.mode(), blob.id())
        : new GitTreeIds.Entry(name, FileMode.TREE, tree((Map<String, Object>) child, formatter))));
    return GitTreeIds.treeId(entries, formatter);
  }
}
