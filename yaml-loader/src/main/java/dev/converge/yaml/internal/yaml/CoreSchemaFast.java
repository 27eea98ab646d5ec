package dev.converge.yaml.internal.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * YAML 1.2's core schema, resolving plain scalars exactly as snakeyaml-engine's {@link CoreSchema}
 * does, with less work. The core resolver tries two patterns on every scalar (the empty and the null
 * ones are registered for any first character) and makes a new resolver for every parse. Here a
 * scalar whose first character can start no null, boolean, number, merge key ({@code <<}) or
 * environment reference ({@code ${...}}) is a string without any pattern, and one resolver, only ever
 * read, serves every parse. {@code CoreSchemaFastTest} holds the two resolvers equal.
 */
final class CoreSchemaFast implements Schema {

  /** The first characters of every non-string the core resolver knows: {@code true}, {@code -1}, {@code ~}... */
  static final String MAYBE_NOT_A_STRING = "tfTF-+0123456789.nN~ $<";

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver coreResolver = core.getScalarResolver();
  private final ScalarResolver resolver = this::resolve;

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }

  private Tag resolve(String value, Boolean implicit) {
    if (implicit && !value.isEmpty() && MAYBE_NOT_A_STRING.indexOf(value.charAt(0)) < 0) {
      return Tag.STR;
    }
    return coreResolver.resolve(value, implicit);
  }
}
