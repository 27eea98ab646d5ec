package dev.converge.yaml.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * The git tree id of a plain directory, computed the way git stores the directory, so that the
 * source digest of a working tree equals {@code git rev-parse REV:path} for a commit with the same
 * files.
 *
 * <p>How: a file is a blob ({@code "blob <size>\0" + bytes}, SHA-1), mode {@code 100755} when
 * executable, else {@code 100644}; a symbolic link is a blob of its target, mode {@code 120000}; a
 * directory is a tree of its entries sorted as git sorts them (by name, a directory compared as if
 * its name ended in {@code /}). Git does not store empty directories, so a directory with no file
 * under it is left out (and has no id). {@code .git} is skipped. This is for plain directories,
 * outside any git work tree, so no ignore rules apply; inside a work tree {@link WorkTreeIds}
 * applies git's ignore rules and settings.
 */
public final class GitTreeIds {

  private GitTreeIds() {}

  public static Optional<String> of(Path directory) {
    try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
      return tree(directory, formatter).map(ObjectId::name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<ObjectId> tree(Path directory, ObjectInserter.Formatter formatter) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      stream.forEach(children::add);
    }
    List<Entry> entries = new ArrayList<>();
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.equals(".git")) {
        continue;
      }
      if (Files.isSymbolicLink(child)) {
        byte[] target = Constants.encode(Files.readSymbolicLink(child).toString().replace('\\', '/'));
        entries.add(new Entry(name, FileMode.SYMLINK, formatter.idFor(Constants.OBJ_BLOB, target)));
      } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        Optional<ObjectId> sub = tree(child, formatter);
        if (sub.isPresent()) {
          entries.add(new Entry(name, FileMode.TREE, sub.get()));
        }
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
        FileMode mode = executable(child) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
        entries.add(new Entry(name, mode, formatter.idFor(Constants.OBJ_BLOB, Files.readAllBytes(child))));
      }
    }
    return entries.isEmpty() ? Optional.empty() : Optional.of(treeId(entries, formatter));
  }

  /** One entry of a git tree. */
  record Entry(String name, FileMode mode, ObjectId id) {
    private String sortKey() {
      return mode == FileMode.TREE ? name + "/" : name;
    }
  }

  /**
   * The id of the tree holding {@code entries}, sorted as git sorts them: by the bytes of the name,
   * a tree's name compared as if it ended in {@code /}.
   */
  static ObjectId treeId(List<Entry> entries, ObjectInserter.Formatter formatter) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::sortKey, GitTreeIds::compareBytes));
    TreeFormatter tree = new TreeFormatter();
    for (Entry e : sorted) {
      tree.append(e.name(), e.mode(), e.id());
    }
    return tree.computeId(formatter);
  }

  private static boolean executable(Path file) throws IOException {
    try {
      return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
          .contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  private static int compareBytes(String a, String b) {
    byte[] x = Constants.encode(a);
    byte[] y = Constants.encode(b);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Byte.toUnsignedInt(x[i]) - Byte.toUnsignedInt(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return x.length - y.length;
  }
}
