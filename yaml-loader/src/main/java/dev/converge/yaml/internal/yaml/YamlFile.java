package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.SourceLocation;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One parsed YAML file: its plain value (maps, lists, strings, numbers, booleans, nulls) and the
 * composed node tree, kept so that any path can be located in the file when a problem is found.
 */
public final class YamlFile {

  private final String path;
  private final Object value;
  private final Node node;
  private final boolean templated;

  YamlFile(String path, Object value, Node node, boolean templated) {
    this.path = path;
    this.value = value;
    this.node = node;
    this.templated = templated;
  }

  /** The file's path as problems print it (relative to the repository root). */
  public String path() {
    return path;
  }

  /** The document's value; {@code null} for an empty document. */
  public Object value() {
    return value;
  }

  /**
   * Whether a string value holds {@code {{}, the start of a Go template: without one, nothing in
   * the document needs rendering and the loader does not look.
   */
  public boolean templated() {
    return templated;
  }

  /** The file itself, without a line. */
  public SourceLocation location() {
    return SourceLocation.ofFile(path);
  }

  /**
   * The location of the key at {@code keys} (map keys, or list indexes as decimal strings), or of
   * the deepest part of it that exists; the file alone when nothing matches.
   */
  public SourceLocation location(List<String> keys) {
    Node current = node;
    Mark best = null;
    for (String key : keys) {
      if (current instanceof MappingNode map) {
        Node next = null;
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            best = k.getStartMark().orElse(best);
            next = tuple.getValueNode();
          }
        }
        if (next == null) {
          break;
        }
        current = next;
      } else if (current instanceof SequenceNode seq && key.chars().allMatch(Character::isDigit)
          && key.length() < 9 && Integer.parseInt(key) < seq.getValue().size()) {
        current = seq.getValue().get(Integer.parseInt(key));
        best = current.getStartMark().orElse(best);
      } else {
        break;
      }
    }
    return best == null ? location() : at(path, best);
  }

  /** The location of the value at {@code keys} (rather than its key). */
  public SourceLocation valueLocation(List<String> keys) {
    Node current = node;
    for (String key : keys) {
      Node next = null;
      if (current instanceof MappingNode map) {
        for (NodeTuple tuple : map.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
            next = tuple.getValueNode();
          }
        }
      } else if (current instanceof SequenceNode seq && key.chars().allMatch(Character::isDigit)
          && key.length() < 9 && Integer.parseInt(key) < seq.getValue().size()) {
        next = seq.getValue().get(Integer.parseInt(key));
      }
      if (next == null) {
        return location(keys);
      }
      current = next;
    }
    return current == null ? location() : current.getStartMark().map(m -> at(path, m)).orElse(location());
  }

  static SourceLocation at(String path, Mark mark) {
    return SourceLocation.of(path, mark.getLine() + 1, mark.getColumn() + 1);
  }
}
