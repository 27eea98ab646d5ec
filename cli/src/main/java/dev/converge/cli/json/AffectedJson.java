package dev.converge.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.affected.AffectedInstance;
import dev.converge.affected.AffectedReason;
import dev.converge.affected.AffectedReport;

/** {@code converge affected --format json} ({@code converge.affected/v1}). */
public final class AffectedJson {

  public static final String SCHEMA = "converge.affected/v1";

  private AffectedJson() {}

  public static ObjectNode of(AffectedReport report) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("base", report.base());
    root.put("head", report.head());
    ArrayNode affected = root.putArray("affected");
    for (AffectedInstance instance : report.affected()) {
      ObjectNode node = affected.addObject();
      Json.put(node, "environment", instance.environment());
      node.put("stack", instance.instance().stack());
      node.put("component", instance.instance().component());
      node.put("folder", instance.folder());
      Json.strings(node, "reasons", instance.reasons().stream().map(AffectedReason::text).toList());
      ArrayNode kinds = node.putArray("reason_kinds");
      instance.reasons().stream().map(r -> r.kind().word()).distinct().forEach(kinds::add);
    }
    return root;
  }
}
