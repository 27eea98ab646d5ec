package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.Problem;
import dev.converge.yaml.internal.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack files one load parsed, kept for the next load of the same repository: a file whose text
 * is unchanged (as every file with the same git blob id is) is not parsed again. Comparing two
 * revisions, as {@code converge affected} does, parses most files once.
 *
 * <p>Why it is sound: {@link YamlReader#read} is a function of the path and the text, and nothing
 * downstream changes what it returns (includes, merges and templates make new values), so one
 * result serves any number of loads; the problems it reported are reported again, in the same order.
 * Only the last finished load's files are kept: the memo holds at most one estate's parse.
 */
public final class ParseMemo {
  private record Parse(String text, Optional<YamlFile> file, List<Problem> problems) {}

  private volatile Map<String, Parse> kept = Map.of();

  /** A memo for one load: reads from what the last load kept, and keeps what this one parses. */
  public Load begin() {
    return new Load(kept);
  }

  /** One load's side of the memo; for the load's threads at once. */
  public final class Load {
    private final Map<String, Parse> previous;
    private final Map<String, Parse> current = new ConcurrentHashMap<>();

    private Load(Map<String, Parse> previous) {
      this.previous = previous;
    }

    /** {@link YamlReader#read}, or what an earlier load read from the same path and text. */
    public Optional<YamlFile> read(String path, String text, Problems problems) {
      Parse parse = previous.get(path);
      if (parse == null || !parse.text().equals(text)) {
        Problems found = new Problems();
        parse = new Parse(text, YamlReader.read(path, text, found), found.all());
      }
      current.put(path, parse);
      problems.addAll(parse.problems());
      return parse.file();
    }

    /** Keeps this load's files for the next load, in place of the last one's. */
    public void keep() {
      kept = Map.copyOf(current);
    }
  }
}
