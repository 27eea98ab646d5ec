package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.value.CompactMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML with snakeyaml-engine's composer (the {@code Compose} API: it is used directly because
 * the module {@code org.snakeyaml.engine} does not export {@code api.lowlevel}), so every node keeps
 * its mark, and builds plain values from the nodes itself.
 *
 * <p>Why not snakeyaml-engine's constructor: the loader needs a duplicate key to be a problem with
 * both locations, unknown tags (Atmos YAML functions such as {@code !env}) to survive as opaque
 * strings, integer map keys to become strings as Atmos prints them, and hostile input to end in a
 * problem rather than an exception. Hostile input is bounded three ways: the composer refuses more
 * than {@value #MAX_ALIASES} aliases to collections; the value builder counts every node it builds,
 * aliases expanded, and stops at {@value #MAX_NODES} (a billion-laughs document stops there, long
 * before memory runs out); it stops at a nesting depth of {@value #MAX_DEPTH} (which also ends a
 * recursive alias). Composing is itself recursive, so a document nested thousands deep may
 * overflow the stack inside the composer: that, too, becomes a problem.
 */
public final class YamlReader {

  /** Aliases to collections allowed in one document. */
  public static final int MAX_ALIASES = 100;

  /** Nodes built for one document, aliases expanded. */
  public static final int MAX_NODES = 2_000_000;

  /** Nesting depth allowed in one document. */
  public static final int MAX_DEPTH = 400;

  /** Code points allowed in one document (a stack manifest is a few kilobytes). */
  public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

  /**
   * One set of settings for every parse: they are immutable, and building them is not free (the
   * builder makes a schema of its own). No label: locations are made with the file's path here, never
   * from a mark's name. YAML 1.2's core schema, resolved with less work ({@link CoreSchemaFast}).
   */
  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setSchema(new CoreSchemaFast())
      .setAllowDuplicateKeys(true)
      .setAllowRecursiveKeys(false)
      .setMaxAliasesForCollections(MAX_ALIASES)
      .setCodePointLimit(MAX_CODE_POINTS)
      .setUseMarks(true)
      .build();

  private YamlReader() {}

  /**
   * Parses {@code text} as one YAML document labelled {@code path}. Returns empty after adding a
   * problem when the text is not valid YAML or exceeds a bound.
   */
  public static Optional<YamlFile> read(String path, String text, Problems problems) {
    LoadSettings settings = SETTINGS;
    Node node;
    try {
      Composer documents = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      List<Node> nodes = new ArrayList<>(1);
      while (documents.hasNext()) {
        Node n = documents.next();
        nodes.add(n);
        if (nodes.size() > 1) {
          problems.error("yaml-syntax", "a stack file holds one YAML document, found a second one",
              n.getStartMark().map(m -> YamlFile.at(path, m)).orElse(SourceLocation.ofFile(path)),
              "remove the `---` separator or split the file");
          return Optional.empty();
        }
      }
      node = nodes.isEmpty() ? null : nodes.get(0);
    } catch (MarkedYamlEngineException e) {
      SourceLocation location = e.getProblemMark().or(e::getContextMark)
          .map(m -> YamlFile.at(path, m)).orElse(SourceLocation.ofFile(path));
      String what = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " " + e.getContext();
      problems.error("yaml-syntax", "invalid YAML: " + what + context, location,
          "fix the YAML syntax at this line and column");
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.error("yaml-syntax", "invalid YAML: " + firstLine(e.getMessage()), SourceLocation.ofFile(path),
          "fix the YAML syntax; aliases, size and nesting are bounded");
      return Optional.empty();
    } catch (StackOverflowError e) {
      problems.error("yaml-too-deep", "YAML nested too deeply to read", SourceLocation.ofFile(path),
          "flatten the document (at most " + MAX_DEPTH + " levels)");
      return Optional.empty();
    }
    if (node == null) {
      return Optional.of(new YamlFile(path, null, null, false));
    }
    Builder builder = new Builder(path, problems);
    try {
      Object value = builder.value(node, 0);
      return builder.failed ? Optional.empty() : Optional.of(new YamlFile(path, value, node, builder.templated));
    } catch (Bound e) {
      return Optional.empty();
    }
  }

  /** An empty document labelled {@code path}. */
  public static YamlFile empty(String path) {
    return new YamlFile(path, null, null, false);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Thrown inside the builder when a bound is hit; the problem has been recorded. */
  private static final class Bound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bound() {
      super(null, null, false, false);
    }
  }

  private static final class Builder {
    private final String path;
    private final Problems problems;
    private long nodes;
    private boolean failed;
    private boolean templated;

    Builder(String path, Problems problems) {
      this.path = path;
      this.problems = problems;
    }

    private SourceLocation at(Node node) {
      return node.getStartMark().map(m -> YamlFile.at(path, m)).orElse(SourceLocation.ofFile(path));
    }

    Object value(Node node, int depth) {
      if (++nodes > MAX_NODES) {
        problems.error("yaml-too-large", "YAML expands to more than " + MAX_NODES
            + " nodes (aliases expanded); refusing to read it", at(node), "remove the alias expansion (an alias bomb?)");
        throw new Bound();
      }
      if (depth > MAX_DEPTH) {
        problems.error("yaml-too-deep", "YAML nested deeper than " + MAX_DEPTH + " levels (or a recursive alias)",
            at(node), "flatten the document");
        throw new Bound();
      }
      if (node instanceof ScalarNode scalar) {
        Object value = scalar(scalar);
        if (!templated && value instanceof String text && text.contains("{{")) { // where a Go template starts
          templated = true;
        }
        return value;
      }
      if (node instanceof SequenceNode seq) {
        List<Object> list = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          list.add(value(item, depth + 1));
        }
        return list;
      }
      MappingNode map = (MappingNode) node;
      Map<String, Object> result = new CompactMap(map.getValue().size());
      List<Object> merged = null;
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          problems.error("yaml-key", "a map key must be a scalar, found a " + kind(keyNode), at(keyNode),
              "use a string key");
          failed = true;
          continue;
        }
        if (keyScalar.getTag().equals(Tag.MERGE)) {
          Object source = value(tuple.getValueNode(), depth + 1);
          if (merged == null) {
            merged = new ArrayList<>();
          }
          if (source instanceof List<?> sources) {
            merged.addAll(sources);
          } else {
            merged.add(source);
          }
          continue;
        }
        String key = keyString(keyScalar);
        if (result.containsKey(key)) {
          Mark first = firstMark(map, key);
          problems.error("yaml-duplicate-key", "duplicate key `" + key + "`"
              + (first == null ? "" : " (first at line " + (first.getLine() + 1) + ")"), at(keyNode),
              "keep one `" + key + "` and merge their contents");
          failed = true;
          continue;
        }
        result.put(key, value(tuple.getValueNode(), depth + 1));
      }
      if (merged != null) {
        Map<String, Object> withMerges = new CompactMap();
        for (Object source : merged) {
          if (source instanceof Map<?, ?> m) {
            m.forEach((k, v) -> withMerges.putIfAbsent(String.valueOf(k), v));
          } else {
            problems.error("yaml-merge-key", "a `<<` merge key takes a map or a list of maps", at(map), null);
            failed = true;
          }
        }
        withMerges.putAll(result);
        return withMerges;
      }
      return result;
    }

    private Mark firstMark(MappingNode map, String key) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k && keyString(k).equals(key)) {
          return k.getStartMark().orElse(null);
        }
      }
      return null;
    }

    private static String kind(Node node) {
      return node instanceof MappingNode ? "map" : node instanceof SequenceNode ? "list" : "scalar";
    }

    private String keyString(ScalarNode key) {
      Object value = scalar(key);
      return value == null ? "null" : String.valueOf(value);
    }

    private Object scalar(ScalarNode scalar) {
      Tag tag = scalar.getTag();
      String text = scalar.getValue();
      try {
        if (tag.equals(Tag.STR)) {
          return text;
        }
        if (tag.equals(Tag.NULL)) {
          return null;
        }
        if (tag.equals(Tag.BOOL)) {
          return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        if (tag.equals(Tag.INT)) {
          return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
          return floating(text);
        }
      } catch (NumberFormatException e) {
        return text;
      }
      if (tag.getValue().startsWith(Tag.PREFIX)) {
        return text;
      }
      // An application tag, e.g. Atmos's `!env NAME`: kept as an opaque string.
      return text.isEmpty() ? tag.getValue() : tag.getValue() + " " + text;
    }

    private static Object integer(String text) {
      String t = text.replace("_", "");
      int sign = 1;
      if (t.startsWith("-")) {
        sign = -1;
        t = t.substring(1);
      } else if (t.startsWith("+")) {
        t = t.substring(1);
      }
      BigInteger value;
      if (t.startsWith("0x")) {
        value = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0o")) {
        value = new BigInteger(t.substring(2), 8);
      } else {
        value = new BigInteger(t);
      }
      value = sign < 0 ? value.negate() : value;
      return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Object floating(String text) {
      String t = text.toLowerCase(Locale.ROOT);
      if (t.endsWith(".inf")) {
        return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (t.equals(".nan")) {
        return Double.NaN;
      }
      return Double.valueOf(text);
    }
  }
}
