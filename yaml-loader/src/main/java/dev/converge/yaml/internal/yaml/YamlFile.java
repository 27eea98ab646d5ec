package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One parsed YAML file: its plain value (maps, lists, strings, numbers, booleans, nulls) and where
 * its keys and values are, so that any path can be located in the file when a problem is found.
 *
 * <p>The reader records the positions of the first {@value #SPOT_DEPTH} levels as it builds the
 * value ({@link Spot}s): the locations a load asks for on every file (a manifest's imports and
 * component definitions) are found there. A path deeper than that, or through an alias or a merge
 * key, is located in snakeyaml-engine's node tree of the file, composed from its text the first
 * time one is asked for: only a problem needs one.
 */
public final class YamlFile {

  /** How many levels of keys the reader records positions for. */
  static final int SPOT_DEPTH = 3;

  /** A node's children that were not recorded: ask the node tree. */
  static final Object UNRECORDED = new Object();

  /**
   * Where one node is: its key's position (-1 for a list item or the document), its value's, and
   * its children's: a map of key text to spot, a list of spots, {@code null} for a scalar, or
   * {@link #UNRECORDED}. Lines and columns are 0-based, as in snakeyaml-engine's marks.
   */
  static final class Spot {
    final int keyLine;
    final int keyColumn;
    int line;
    int column;
    Object children;

    Spot(int keyLine, int keyColumn) {
      this.keyLine = keyLine;
      this.keyColumn = keyColumn;
    }
  }

  private final String path;
  private final String text;
  private final Object value;
  private final Spot root;
  private final boolean templated;
  private final boolean includes;
  private final boolean functions;
  private volatile NodeTree tree;

  YamlFile(String path, String text, Object value, Spot root, boolean templated) {
    this(path, text, value, root, templated, false, false);
  }

  YamlFile(String path, String text, Object value, Spot root, boolean templated, boolean includes,
      boolean functions) {
    this.path = path;
    this.text = text;
    this.value = value;
    this.root = root;
    this.templated = templated;
    this.includes = includes;
    this.functions = functions;
  }

  /**
   * This file with {@code value} in place of its document, once its {@link YamlFunction}s are
   * replaced by what they include; locations still come from the file's own text.
   */
  public YamlFile withValue(Object value, boolean templated, boolean functions) {
    return new YamlFile(path, text, value, root, templated, false, functions);
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

  /**
   * Whether the document holds a {@link YamlFunction} ({@code !include}, {@code !include.raw}) that
   * must be replaced by what it includes before the document is used.
   */
  public boolean includes() {
    return includes;
  }

  /**
   * Whether a string value is an Atmos YAML function kept as Atmos keeps it, {@code "!env NAME"}:
   * without one, no value needs evaluating.
   */
  public boolean functions() {
    return functions;
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
    if (root == null) {
      return location();
    }
    Spot current = root;
    Spot best = null;
    boolean bestIsKey = false;
    for (String key : keys) {
      Object children = current.children;
      if (children == UNRECORDED) {
        return tree().location(keys);
      }
      Spot next = child(children, key);
      if (next == null) {
        break;
      }
      best = next;
      bestIsKey = children instanceof Map;
      current = next;
    }
    if (best == null) {
      return location();
    }
    return bestIsKey ? at(path, best.keyLine, best.keyColumn) : at(path, best.line, best.column);
  }

  /** The location of the value at {@code keys} (rather than its key). */
  public SourceLocation valueLocation(List<String> keys) {
    if (root == null) {
      return location();
    }
    Spot current = root;
    for (String key : keys) {
      Object children = current.children;
      if (children == UNRECORDED) {
        return tree().valueLocation(keys);
      }
      Spot next = child(children, key);
      if (next == null) {
        return location(keys);
      }
      current = next;
    }
    return at(path, current.line, current.column);
  }

  /** {@link #location(List)} found in the node tree alone: what the spots must agree with. */
  SourceLocation locationInTree(List<String> keys) {
    return root == null ? location() : tree().location(keys);
  }

  /** {@link #valueLocation(List)} found in the node tree alone. */
  SourceLocation valueLocationInTree(List<String> keys) {
    return root == null ? location() : tree().valueLocation(keys);
  }

  private static Spot child(Object children, String key) {
    if (children instanceof Map<?, ?> map) {
      return (Spot) map.get(key);
    }
    if (children instanceof List<?> list) {
      int index = index(key, list.size());
      return index < 0 ? null : (Spot) list.get(index);
    }
    return null;
  }

  /** {@code key} as a list index below {@code size}, or -1. */
  private static int index(String key, int size) {
    if (key.isEmpty() || key.length() >= 9 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int index = Integer.parseInt(key);
    return index < size ? index : -1;
  }

  private NodeTree tree() {
    NodeTree t = tree;
    if (t == null) {
      t = new NodeTree(YamlReader.compose(text));
      tree = t;
    }
    return t;
  }

  static SourceLocation at(String path, Mark mark) {
    return at(path, mark.getLine(), mark.getColumn());
  }

  private static SourceLocation at(String path, int line, int column) {
    return SourceLocation.of(path, line + 1, column + 1);
  }

  /** The same lookups in the file's node tree, for the paths the spots do not cover. */
  private final class NodeTree {
    private final Node node;

    NodeTree(Node node) {
      this.node = node;
    }

    SourceLocation location(List<String> keys) {
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
        } else if (current instanceof SequenceNode seq && index(key, seq.getValue().size()) >= 0) {
          current = seq.getValue().get(Integer.parseInt(key));
          best = current.getStartMark().orElse(best);
        } else {
          break;
        }
      }
      return best == null ? YamlFile.this.location() : at(path, best);
    }

    SourceLocation valueLocation(List<String> keys) {
      Node current = node;
      for (String key : keys) {
        Node next = null;
        if (current instanceof MappingNode map) {
          for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
              next = tuple.getValueNode();
            }
          }
        } else if (current instanceof SequenceNode seq && index(key, seq.getValue().size()) >= 0) {
          next = seq.getValue().get(Integer.parseInt(key));
        }
        if (next == null) {
          return location(keys);
        }
        current = next;
      }
      return current == null ? YamlFile.this.location()
          : current.getStartMark().map(m -> at(path, m)).orElse(YamlFile.this.location());
    }
  }
}
