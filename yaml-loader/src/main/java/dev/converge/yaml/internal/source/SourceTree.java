package dev.converge.yaml.internal.source;

import dev.converge.yaml.internal.problem.Problems;
import java.util.List;
import java.util.Optional;

/**
 * The files of a repository at one revision, or of a plain directory. Paths are relative to the
 * repository root, with {@code /} separators and no {@code .} or {@code ..} segments (see
 * {@link RepoPaths#normalize}); a directory tree also answers for paths that begin with {@code ../},
 * which Atmos fixtures use for a components base path outside the repository.
 *
 * <p>A load asks from several threads at once: implementations are safe for concurrent use.
 */
public interface SourceTree {

  /** {@code working tree} or the revision id. */
  String describe();

  boolean isFile(String path);

  boolean isDirectory(String path);

  /** The file's bytes, or empty when there is no such file. */
  Optional<byte[]> read(String path);

  /**
   * The file's text, decoded as UTF-8, or empty when there is no such file. Decoding is strict: a
   * file that is not UTF-8 reads as the empty text after an {@code invalid-utf8} error at its first
   * bad byte is added to {@code problems} (see {@link Utf8}).
   */
  default Optional<String> readText(String path, Problems problems) {
    return read(path).map(bytes -> Utf8.decode(path, bytes, bytes.length, problems).orElse(""));
  }

  /** Every file under {@code directory} (the root when empty), recursively, sorted. */
  List<String> files(String directory);

  /**
   * Whether every listing {@link #files} gave holds files only. A tree may list entries on their
   * name alone and confirm them as they are read; when one was not a file, what was loaded from its
   * listings is to be loaded again from {@link #withExactListings}. Asked once a load is done.
   */
  default boolean listingsConfirmed() {
    return true;
  }

  /** This tree with listings that look at every entry: the tree itself when its listings are exact. */
  default SourceTree withExactListings() {
    return this;
  }

  /** The git tree id of {@code directory}: what {@code git rev-parse REV:directory} prints. */
  Optional<String> treeId(String directory);
}
