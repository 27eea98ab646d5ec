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
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree as a {@link SourceTree}. The whole tree is indexed once (paths to blob ids, and
 * every directory to its tree id), so folder digests are plain lookups and reading a file is one
 * object read.
 */
public final class GitTree implements SourceTree {

  private final Repository repository;
  private final String revision;
  private final String rootTreeId;
  /** Indexed once per commit, read only afterwards: shared by the trees {@link #withPrefix} makes. */
  private final TreeMap<String, ObjectId> blobs;
  private final Map<String, ObjectId> trees;

  private final String prefix;

  /**
   * Indexes {@code commit}'s tree and answers for paths relative to {@code prefix} (the folder of
   * the Atmos repository inside the git work tree; empty when they are the same).
   */
  public GitTree(Repository repository, RevCommit commit, String prefix) {
    this.repository = repository;
    this.prefix = prefix;
    this.revision = commit.name();
    this.rootTreeId = commit.getTree().name();
    this.blobs = new TreeMap<>();
    this.trees = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(false);
      while (walk.next()) {
        String path = walk.getPathString();
        if (walk.isSubtree()) {
          trees.put(path, walk.getObjectId(0));
          walk.enterSubtree();
        } else if (walk.getFileMode(0) != FileMode.GITLINK) {
          blobs.put(path, walk.getObjectId(0));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private GitTree(GitTree whole, String prefix) {
    this.repository = whole.repository;
    this.prefix = prefix;
    this.revision = whole.revision;
    this.rootTreeId = whole.rootTreeId;
    this.blobs = whole.blobs;
    this.trees = whole.trees;
  }

  /**
   * The same commit answering for paths relative to {@code prefix} (relative to the git work
   * tree's root), without indexing the commit again.
   */
  public GitTree withPrefix(String prefix) {
    return prefix.equals(this.prefix) ? this : new GitTree(this, prefix);
  }

  @Override
  public String describe() {
    return revision;
  }

  private String full(String path) {
    return prefix.isEmpty() ? path : RepoPaths.join(prefix, path);
  }

  @Override
  public boolean isFile(String path) {
    return blobs.containsKey(full(path));
  }

  @Override
  public boolean isDirectory(String path) {
    String f = full(path);
    return f.isEmpty() || trees.containsKey(f);
  }

  @Override
  public Optional<byte[]> read(String path) {
    ObjectId id = blobs.get(full(path));
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(repository.open(id).getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<String> files(String directory) {
    String dir = full(directory);
    List<String> result = new ArrayList<>();
    String start = dir.isEmpty() ? "" : dir + "/";
    for (String path : blobs.tailMap(start, true).keySet()) {
      if (!path.startsWith(start)) {
        break;
      }
      result.add(prefix.isEmpty() ? path : relative(path));
    }
    return result;
  }

  private String relative(String path) {
    if (path.startsWith(prefix + "/")) {
      return path.substring(prefix.length() + 1);
    }
    StringBuilder up = new StringBuilder();
    String p = prefix;
    while (!p.isEmpty() && !path.startsWith(p + "/")) {
      up.append("../");
      p = RepoPaths.parent(p);
    }
    return up + (p.isEmpty() ? path : path.substring(p.length() + 1));
  }

  @Override
  public Optional<String> treeId(String directory) {
    String dir = full(directory);
    if (dir.isEmpty()) {
      return Optional.of(rootTreeId);
    }
    return Optional.ofNullable(trees.get(dir)).map(ObjectId::name);
  }
}
