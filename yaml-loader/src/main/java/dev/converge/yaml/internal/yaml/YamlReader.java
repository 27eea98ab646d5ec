package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.value.AppendList;
import dev.converge.yaml.internal.value.CompactMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads YAML with snakeyaml-engine's parser and builds plain values from its events, with the
 * marks the parser gives every event (the module {@code org.snakeyaml.engine} does not export
 * {@code api.lowlevel}, so the parser is made directly).
 *
 * <p>Why events, not snakeyaml-engine's node tree or constructor: a node tree is a second copy of
 * every file that a load only needs to find a few locations in, and composing it costs as much as
 * building the values (the loader reads a thousand files per load). The builder records where the
 * first levels of keys are as it goes ({@link YamlFile}); deeper locations, asked for only when
 * there is a problem to report, come from a node tree composed then. It also makes a duplicate
 * key a problem with both locations, reads Atmos's tags as Atmos does ({@link YamlTags}: functions
 * such as {@code !env NAME} as the string {@code "!env NAME"}, {@code !include} as a
 * {@link YamlFunction} to replace, {@code !append} lists as {@link AppendList}s, any other
 * application tag a problem), turns integer map keys into strings as Atmos prints them, and ends hostile
 * input in a problem rather than an exception.
 *
 * <p>What the composer did, done here: anchors and aliases (an alias is the anchored value itself,
 * not a copy: values are never modified once read), merge keys ({@code <<}: the map's own keys
 * first, then each merged map's keys not seen yet, as snakeyaml-engine flattens them), the core
 * schema's tags ({@link CoreSchemaFast}). Hostile input is bounded four ways: at most
 * {@value #MAX_ALIASES} aliases to collections; every node counts, an alias as many nodes as its
 * anchored value has, and a document stops at {@value #MAX_NODES} (a billion-laughs document stops
 * there, long before anything walks it); nesting stops at {@value #MAX_DEPTH}, an alias counting
 * as deep as its value is; an alias to a collection still open (a recursive alias) is refused.
 * The parser keeps its own stack, so a document nested thousands deep ends at the depth bound, not
 * in a stack overflow.
 */
public final class YamlReader {

  /** Aliases to collections allowed in one document. */
  public static final int MAX_ALIASES = 100;

  /** Nodes in one document, aliases expanded. */
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

  private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();

  private YamlReader() {}

  /**
   * Parses {@code text} as one YAML document labelled {@code path}. Returns empty after adding a
   * problem when the text is not valid YAML or exceeds a bound.
   */
  public static Optional<YamlFile> read(String path, String text, Problems problems) {
    Builder builder = new Builder(path, text, problems);
    try {
      return builder.document();
    } catch (MarkedYamlEngineException e) {
      SourceLocation location = e.getProblemMark().or(e::getContextMark)
          .map(m -> YamlFile.at(path, m)).orElse(SourceLocation.ofFile(path));
      String what = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " " + e.getContext();
      problems.error("yaml-syntax", "invalid YAML: " + what + context, location,
          "fix the YAML syntax at this line and column");
      return Optional.empty();
    } catch (ReaderException e) {
      problems.error("yaml-syntax", "invalid YAML: " + e.getMessage().split(":", 2)[0].strip() + " (character U+"
          + String.format("%04X", e.getCodePoint()) + ")", at(path, text, e.getPosition()),
          "remove the character at this line and column (YAML allows printable Unicode, tab and line breaks;"
              + " quote it as an escape such as \\u0000 in a double-quoted string if it is data)");
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.error("yaml-syntax", "invalid YAML: " + firstLine(e.getMessage()), SourceLocation.ofFile(path),
          "fix the YAML syntax; aliases, size and nesting are bounded");
      return Optional.empty();
    } catch (StackOverflowError e) {
      problems.error("yaml-too-deep", "YAML nested too deeply to read", SourceLocation.ofFile(path),
          "flatten the document (at most " + MAX_DEPTH + " levels)");
      return Optional.empty();
    } catch (Bound e) {
      return Optional.empty();
    }
  }

  /**
   * The place of the {@code position}-th code point of {@code text} (where snakeyaml-engine's reader
   * stopped), lines counted as YAML counts them.
   */
  static SourceLocation at(String path, String text, int position) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int n = 0; n < position && i < text.length(); n++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' || c == '\r' && (i == text.length() || text.charAt(i) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return SourceLocation.of(path, line, column);
  }

  /** An empty document labelled {@code path}. */
  public static YamlFile empty(String path) {
    return new YamlFile(path, "", null, null, false);
  }

  /**
   * The node tree of {@code text}'s first document, composed by snakeyaml-engine with the reader's
   * settings; {@code null} when it has none or cannot be composed. Only for locating paths.
   */
  static Node compose(String text) {
    try {
      Composer documents = new Composer(SETTINGS, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
      return documents.hasNext() ? documents.next() : null;
    } catch (YamlEngineException | StackOverflowError e) {
      return null;
    }
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

  /** An anchored value, as an alias to it gives it. */
  private static final class Anchored {
    Object value;
    boolean collection;
    /** Nodes the value counts as, itself included; the levels it reaches below itself. */
    long size;
    int height;
    /** Where the anchored node starts. */
    int line;
    int column;
    /** False while the anchored collection is still being read. */
    boolean complete;
  }

  private static final class Builder {
    private final String path;
    private final String text;
    private final Problems problems;
    private final ParserImpl parser;
    private long nodes;
    /** How many levels the value {@link #value} last returned reaches below itself: 0 for a scalar. */
    private int height;
    private boolean failed;
    private boolean templated;
    private boolean includes;
    private boolean functions;
    private Map<Anchor, Anchored> anchors;
    private int collectionAliases;
    /** The keys of the maps being read, innermost last, with their lines: to name a duplicate's first. */
    private String[] keys = new String[16];
    private int[] keyLines = new int[16];
    private int keyCount;

    Builder(String path, String text, Problems problems) {
      this.path = path;
      this.text = text;
      this.problems = problems;
      this.parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text));
    }

    Optional<YamlFile> document() {
      parser.next(); // stream start
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return Optional.of(new YamlFile(path, text, null, null, false));
      }
      parser.next(); // document start
      YamlFile.Spot root = new YamlFile.Spot(-1, -1);
      Object value = value(parser.next(), 0, root);
      parser.next(); // document end
      if (!parser.checkEvent(Event.ID.StreamEnd)) {
        parser.next(); // the second document's start
        problems.error("yaml-syntax", "a stack file holds one YAML document, found a second one",
            at(parser.peekEvent()), "remove the `---` separator or split the file");
        return Optional.empty();
      }
      return failed ? Optional.empty()
          : Optional.of(new YamlFile(path, text, value, root, templated, includes, functions));
    }

    private SourceLocation at(Event event) {
      return event.getStartMark().map(m -> YamlFile.at(path, m)).orElse(SourceLocation.ofFile(path));
    }

    /** Counts a node at {@code depth}, refusing one too many or too deep. */
    private void count(Event event, long size, int depth) {
      nodes += size;
      if (nodes > MAX_NODES) {
        problems.error("yaml-too-large", "YAML expands to more than " + MAX_NODES
            + " nodes (aliases expanded); refusing to read it", at(event), "remove the alias expansion (an alias bomb?)");
        throw new Bound();
      }
      if (depth > MAX_DEPTH) {
        problems.error("yaml-too-deep", "YAML nested deeper than " + MAX_DEPTH + " levels (aliases counted as deep "
            + "as their values)", at(event), "flatten the document");
        throw new Bound();
      }
    }

    /**
     * The value of the node that {@code event} starts, at {@code depth}; its position and, down to
     * {@link YamlFile#SPOT_DEPTH}, its children's go into {@code spot} unless that is null.
     */
    Object value(Event event, int depth, YamlFile.Spot spot) {
      switch (event.getEventId()) {
        case Scalar: {
          count(event, 1, depth);
          ScalarEvent scalar = (ScalarEvent) event;
          Tag tag = tagOf(scalar);
          Object value = tag.getValue().startsWith(Tag.PREFIX) ? scalar(tag, scalar.getValue()) : function(scalar, tag);
          if (!templated && value instanceof String s && s.contains("{{")) { // where a Go template starts
            templated = true;
          }
          anchorScalar(scalar, value);
          height = 0;
          place(spot, event, null);
          return value;
        }
        case Alias:
          return alias((AliasEvent) event, depth, spot);
        case SequenceStart:
          return sequence((SequenceStartEvent) event, depth, spot);
        case MappingStart:
          return mapping((MappingStartEvent) event, depth, spot);
        default:
          throw new IllegalStateException("unexpected YAML event " + event.getEventId() + " in " + path);
      }
    }

    /**
     * A scalar with an application tag, as Atmos reads it: {@code !literal} is its text;
     * {@code !include} and {@code !include.raw} are left as a {@link YamlFunction} to replace; the
     * other Atmos functions become the string {@code "!tag argument"} that Atmos keeps until it
     * evaluates them; {@code !append} on a scalar is ignored, as in Atmos. Any other tag is a problem.
     */
    private Object function(ScalarEvent scalar, Tag tag) {
      String name = tag.getValue();
      String argument = scalar.getValue().strip();
      if (YamlTags.FUNCTIONS.contains(name)) {
        functions = true;
        return argument.isEmpty() ? name : name + " " + argument;
      }
      if (YamlTags.INCLUDES.contains(name)) {
        includes = true;
        return new YamlFunction(name, argument, at(scalar));
      }
      if (name.equals(YamlTags.LITERAL)) {
        return scalar.getValue();
      }
      if (name.equals(YamlTags.APPEND)) {
        return scalar(RESOLVER.resolve(scalar.getValue(), true), scalar.getValue());
      }
      unsupported(scalar, name);
      return scalar.getValue();
    }

    /** An application tag Atmos does not know: a problem at the tagged node. */
    private void unsupported(Event event, String tag) {
      problems.error("yaml-tag", "unsupported YAML tag `" + tag + "`", at(event),
          "use one of the tags Atmos supports (" + YamlTags.supported() + "), or quote the value");
      failed = true;
    }

    /** A list or map's application tag: {@code !append} on a list, else a problem unless Atmos ignores it. */
    private boolean appends(NodeEvent event, Optional<String> tag, boolean list) {
      if (tag.isEmpty() || tag.get().equals("!") || tag.get().startsWith(Tag.PREFIX)) {
        return false;
      }
      if (list && tag.get().equals(YamlTags.APPEND)) {
        return true;
      }
      if (!YamlTags.known(tag.get())) {
        unsupported(event, tag.get());
      }
      return false;
    }

    private static void place(YamlFile.Spot spot, Event event, Object children) {
      if (spot != null) {
        Mark mark = event.getStartMark().orElse(null);
        spot.line = mark == null ? 0 : mark.getLine();
        spot.column = mark == null ? 0 : mark.getColumn();
        spot.children = children;
      }
    }

    /** Registers {@code value} under the scalar's anchor, when it has one. */
    private void anchorScalar(ScalarEvent scalar, Object value) {
      if (scalar.getAnchor().isPresent()) {
        Anchored a = anchor(scalar);
        a.value = value;
        a.size = 1;
        a.complete = true;
      }
    }

    private Anchored anchor(NodeEvent event) {
      if (anchors == null) {
        anchors = new HashMap<>();
      }
      Anchored a = new Anchored();
      Mark mark = event.getStartMark().orElse(null);
      a.line = mark == null ? 0 : mark.getLine();
      a.column = mark == null ? 0 : mark.getColumn();
      anchors.put(event.getAnchor().orElseThrow(), a); // a later anchor of the same name replaces it, as in the composer
      return a;
    }

    private Anchored anchored(AliasEvent event) {
      Anchored a = anchors == null ? null : anchors.get(event.getAlias());
      if (a == null) {
        problems.error("yaml-syntax", "invalid YAML: found undefined alias " + event.getAlias(), at(event),
            "define the anchor `&" + event.getAlias() + "` before this alias, or correct the alias's name");
        throw new Bound();
      }
      if (!a.complete) {
        problems.error("yaml-too-deep", "alias `*" + event.getAlias() + "` is inside the collection it refers to "
            + "(a recursive alias), which has no end", at(event), "write out the values the alias should repeat");
        throw new Bound();
      }
      if (a.collection && ++collectionAliases > MAX_ALIASES) {
        problems.error("yaml-syntax", "invalid YAML: more than " + MAX_ALIASES + " aliases to lists or maps in one "
            + "document (max=" + MAX_ALIASES + ")", at(event), "write out some of the repeated values, or split the file");
        throw new Bound();
      }
      return a;
    }

    private Object alias(AliasEvent event, int depth, YamlFile.Spot spot) {
      Anchored a = anchored(event);
      count(event, a.size, depth + a.height);
      height = a.height;
      if (spot != null) {
        spot.line = a.line;
        spot.column = a.column;
        spot.children = a.collection ? YamlFile.UNRECORDED : null;
      }
      return a.value;
    }

    private Object sequence(SequenceStartEvent start, int depth, YamlFile.Spot spot) {
      count(start, 1, depth);
      long before = nodes;
      Anchored anchored = start.getAnchor().isPresent() ? anchor(start) : null;
      List<Object> list = appends(start, start.getTag(), true) ? new AppendList() : new ArrayList<>();
      List<YamlFile.Spot> spots = spot != null && depth < YamlFile.SPOT_DEPTH ? new ArrayList<>() : null;
      if (anchored != null) {
        anchored.value = list;
        anchored.collection = true;
      }
      int tallest = -1; // an empty collection is as high as a scalar
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        YamlFile.Spot item = spots == null ? null : new YamlFile.Spot(-1, -1);
        list.add(value(parser.next(), depth + 1, item));
        tallest = Math.max(tallest, height);
        if (spots != null) {
          spots.add(item);
        }
      }
      parser.next();
      height = tallest + 1;
      if (anchored != null) {
        anchored.size = nodes - before + 1;
        anchored.height = height;
        anchored.complete = true;
      }
      place(spot, start, spots == null ? YamlFile.UNRECORDED : spots);
      return list;
    }

    private Object mapping(MappingStartEvent start, int depth, YamlFile.Spot spot) {
      count(start, 1, depth);
      long before = nodes;
      Anchored anchored = start.getAnchor().isPresent() ? anchor(start) : null;
      appends(start, start.getTag(), false);
      CompactMap map = new CompactMap();
      CompactMap spots = spot != null && depth < YamlFile.SPOT_DEPTH ? new CompactMap() : null;
      if (anchored != null) {
        anchored.value = map;
        anchored.collection = true;
      }
      boolean recorded = spots != null;
      List<Object> merged = null;
      List<Event> mergedAt = null;
      int first = keyCount;
      int tallest = -1; // an empty collection is as high as a scalar
      while (!parser.checkEvent(Event.ID.MappingEnd)) {
        Event keyEvent = parser.next();
        String key;
        String keyText;
        if (keyEvent instanceof ScalarEvent scalar) {
          Tag tag = tagOf(scalar);
          Object keyValue = scalar(tag, scalar.getValue());
          anchorScalar(scalar, keyValue);
          if (tag.equals(Tag.MERGE)) {
            Event sourceEvent = parser.next();
            Object source = value(sourceEvent, depth + 1, null);
            tallest = Math.max(tallest, height);
            if (merged == null) {
              merged = new ArrayList<>(1);
              mergedAt = new ArrayList<>(1);
            }
            merged.add(source);
            mergedAt.add(sourceEvent);
            continue;
          }
          keyText = scalar.getValue();
          key = keyString(keyValue);
        } else {
          Anchored alias = keyEvent instanceof AliasEvent a ? anchored(a) : null;
          if (alias != null && !alias.collection) {
            key = keyString(alias.value);
            keyText = null; // located through the node tree
            recorded = false;
          } else {
            boolean list = alias == null ? keyEvent.getEventId() == Event.ID.SequenceStart : alias.value instanceof List;
            if (alias == null) {
              value(keyEvent, depth + 1, null); // read past it
            }
            problems.error("yaml-key", "a map key must be a scalar, found a " + (list ? "list" : "map"), at(keyEvent),
                "use a string key");
            failed = true;
            value(parser.next(), depth + 1, null);
            continue;
          }
        }
        Mark keyMark = keyEvent.getStartMark().orElseThrow(); // the reader's settings keep marks
        int keyLine = keyMark.getLine();
        if (map.containsKey(key)) {
          int firstLine = firstLine(first, key);
          problems.error("yaml-duplicate-key", "duplicate key `" + key + "`"
              + (firstLine < 0 ? "" : " (first at line " + (firstLine + 1) + ")"), at(keyEvent),
              "keep one `" + key + "` and merge their contents");
          failed = true;
          value(parser.next(), depth + 1, null);
          continue;
        }
        push(key, keyLine);
        YamlFile.Spot child = recorded
            ? new YamlFile.Spot(keyLine, keyMark.getColumn()) : null;
        map.put(key, value(parser.next(), depth + 1, child));
        tallest = Math.max(tallest, height);
        if (child != null) {
          spots.put(keyText, child);
        }
      }
      parser.next();
      keyCount = first;
      if (merged != null) {
        merge(map, merged, mergedAt);
        recorded = false;
      }
      height = tallest + 1;
      if (anchored != null) {
        anchored.size = nodes - before + 1;
        anchored.height = height;
        anchored.complete = true;
      }
      place(spot, start, recorded ? spots : YamlFile.UNRECORDED);
      return map;
    }

    /** Adds the keys of each merged map that {@code map} does not have yet, in order, as snakeyaml-engine flattens them. */
    private void merge(CompactMap map, List<Object> sources, List<Event> at) {
      for (int i = 0; i < sources.size(); i++) {
        Object source = sources.get(i);
        List<?> maps = source instanceof List<?> list ? list : Collections.singletonList(source);
        for (Object m : maps) {
          if (m instanceof Map<?, ?> merged) {
            merged.forEach((k, v) -> map.putIfAbsent((String) k, v));
          } else {
            problems.error("yaml-merge-key", "a `<<` merge key takes a map or a list of maps", at(at.get(i)),
                "merge an anchored map, such as `<<: *defaults`");
            failed = true;
          }
        }
      }
    }

    private void push(String key, int line) {
      if (keyCount == keys.length) {
        keys = Arrays.copyOf(keys, 2 * keyCount);
        keyLines = Arrays.copyOf(keyLines, 2 * keyCount);
      }
      keys[keyCount] = key;
      keyLines[keyCount++] = line;
    }

    /** The line of {@code key} among the current map's keys (from {@code first} on), or -1. */
    private int firstLine(int first, String key) {
      for (int i = first; i < keyCount; i++) {
        if (keys[i].equals(key)) {
          return keyLines[i];
        }
      }
      return -1;
    }

    private static String keyString(Object value) {
      return value == null ? "null" : String.valueOf(value);
    }

    /** A scalar's tag as the composer gives it: resolved by the schema when implicit or {@code !}. */
    private static Tag tagOf(ScalarEvent scalar) {
      Optional<String> tag = scalar.getTag();
      if (tag.isEmpty() || tag.get().equals("!")) {
        return RESOLVER.resolve(scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar());
      }
      return new Tag(tag.get());
    }

    private static Object scalar(Tag tag, String text) {
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
      // An application tag on a map key: kept as the string Atmos would make of it.
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
