package dev.converge.cli.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.diagnostic.Problem;
import dev.converge.model.DeferredValue;
import dev.converge.plan.GateCondition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON documents of {@code FORMATS.md}: snake_case names, absent optionals left out. */
public final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Separators SEPARATORS = Separators.createDefaultInstance()
      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
      .withObjectEmptySeparator("")
      .withArrayEmptySeparator("");
  private static final String INDENT = "  ";
  private static final DefaultIndenter INDENTER = new DefaultIndenter(INDENT, "\n");

  /** Two-space indents, {@code "name": value}, one element per line, {@code []} when empty. */
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter().withSeparators(SEPARATORS);

  static {
    PRETTY.indentArraysWith(INDENTER);
    PRETTY.indentObjectsWith(INDENTER);
  }

  /**
   * The pretty printer of {@link #stream} for elements of an array at {@code depth} (the number of
   * objects and arrays around them), rendered apart as root values one after another: indented as
   * they are in the document, each after the first preceded by what the array puts between two of
   * its elements. Their text goes into the document whole, as one raw element.
   */
  static DefaultPrettyPrinter prettyAt(int depth) {
    DefaultPrettyPrinter.Indenter nested = new DefaultPrettyPrinter.Indenter() {
      @Override
      public void writeIndentation(com.fasterxml.jackson.core.JsonGenerator g, int level) throws java.io.IOException {
        INDENTER.writeIndentation(g, level + depth);
      }

      @Override
      public boolean isInline() {
        return false;
      }
    };
    String betweenElements = SEPARATORS.getArrayValueSpacing().apply(SEPARATORS.getArrayValueSeparator())
        + INDENTER.getEol() + INDENT.repeat(depth);
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(SEPARATORS.withRootSeparator(betweenElements));
    pretty.indentArraysWith(nested);
    pretty.indentObjectsWith(nested);
    return pretty;
  }

  private Json() {}

  /** Pretty-printed, with a final newline. */
  public static String pretty(ObjectNode document) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serialises", e);
    }
  }

  /**
   * Pretty-printed straight into {@code out}, with a final newline: a plan of half a million
   * instances is hundreds of megabytes of text, which is never held as one string.
   */
  public static void print(ObjectNode document, java.io.PrintWriter out) {
    try {
      MAPPER.writer(PRETTY).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, document);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the JSON document", e);
    }
    out.print('\n');
    out.flush();
  }

  /** What writes a document into a generator. */
  @FunctionalInterface
  public interface Writing {
    void write(com.fasterxml.jackson.core.JsonGenerator generator) throws java.io.IOException;
  }

  /**
   * A document {@code writing} streams, pretty-printed into {@code out} as {@link #print} prints a
   * tree (the same text), with a final newline.
   */
  public static void stream(java.io.PrintWriter out, Writing writing) {
    try (com.fasterxml.jackson.core.JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
      generator.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.setCodec(MAPPER);
      generator.setPrettyPrinter(PRETTY.createInstance());
      writing.write(generator);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the JSON document", e);
    }
    out.print('\n');
    out.flush();
  }

  /** A document {@code writing} writes, as a tree. */
  public static ObjectNode written(Writing writing) {
    try (com.fasterxml.jackson.databind.util.TokenBuffer buffer =
        new com.fasterxml.jackson.databind.util.TokenBuffer(MAPPER, false)) {
      writing.write(buffer);
      return (ObjectNode) MAPPER.readTree(buffer.asParser());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a document written to memory always reads back", e);
    }
  }

  /** On one line, as GitHub Actions outputs want it. */
  public static String compact(ObjectNode document) {
    try {
      return MAPPER.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serialises", e);
    }
  }

  /**
   * Any value made of maps, lists and scalars, as a JSON tree. A {@link DeferredValue} (a YAML
   * function Converge does not evaluate) is an object of its own shape, {@code {"deferred":
   * "!terraform.output", "arguments": "vpc vpc_id", "location": "stacks/dev.yaml:7:15"}}, never a
   * string that could pass for a value.
   */
  public static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
    if (value instanceof DeferredValue deferred) {
      ObjectNode node = object();
      node.put("deferred", deferred.function());
      node.put("arguments", deferred.arguments());
      deferred.location().ifPresent(l -> node.put("location", l.render()));
      return node;
    }
    if (value instanceof java.util.Map<?, ?> map) {
      ObjectNode node = object();
      map.forEach((k, v) -> node.set(String.valueOf(k), tree(v)));
      return node;
    }
    if (value instanceof List<?> list) {
      ArrayNode node = MAPPER.createArrayNode();
      list.forEach(v -> node.add(tree(v)));
      return node;
    }
    return MAPPER.valueToTree(value);
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static void put(ObjectNode node, String name, Optional<?> value) {
    value.ifPresent(v -> node.put(name, v.toString()));
  }

  public static void put(ObjectNode node, String name, Instant value) {
    node.put(name, value.toString());
  }

  public static ArrayNode strings(ObjectNode node, String name, List<String> values) {
    ArrayNode array = node.putArray(name);
    values.forEach(array::add);
    return array;
  }

  /** A gate's conditions as data ({@code conditions} beside {@code reasons}). */
  public static ArrayNode conditions(ObjectNode node, List<GateCondition> conditions) {
    ArrayNode array = node.putArray("conditions");
    for (GateCondition c : conditions) {
      ObjectNode item = array.addObject();
      item.put("kind", c.kind().word());
      put(item, "environment", c.environment());
      put(item, "component", c.component());
      put(item, "check", c.check());
      c.required().ifPresent(n -> item.put("required", n));
      c.has().ifPresent(n -> item.put("has", n));
      c.left().ifPresent(n -> item.put("left", n));
      put(item, "since", c.since());
      put(item, "clears_at", c.clearsAt());
      put(item, "detail", c.detail());
      item.put("waits_on_person", c.waitsOnPerson());
      item.put("text", c.text());
    }
    return array;
  }

  public static ObjectNode problem(Problem problem) {
    ObjectNode node = object();
    node.put("rule", problem.rule());
    node.put("severity", problem.severity().word());
    put(node, "stack", problem.stack());
    put(node, "component", problem.component());
    node.put("message", problem.message());
    problem.location().ifPresent(l -> node.put("location", l.render()));
    put(node, "fix", problem.fix());
    return node;
  }
}
