package dev.converge.runner.internal.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.runner.PlanSummary;
import dev.converge.runner.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarises {@code terraform show -json <planfile>}: each entry of {@code resource_changes} has
 * {@code change.actions}, one of {@code ["no-op"]}, {@code ["read"]}, {@code ["create"]},
 * {@code ["update"]}, {@code ["delete"]}, or a replacement {@code ["delete","create"]} /
 * {@code ["create","delete"]}, which counts once, as replaced.
 */
public final class PlanJson {

  private PlanJson() {}

  /** @throws IllegalArgumentException when the text is not a plan document */
  public static PlanSummary summarise(String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("show -json printed no JSON document: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("show -json printed no JSON object");
    }
    int add = 0;
    int change = 0;
    int destroy = 0;
    int replace = 0;
    JsonNode changes = root.path("resource_changes");
    if (!changes.isMissingNode() && !changes.isArray()) {
      throw new IllegalArgumentException("resource_changes is not a list");
    }
    for (JsonNode resource : changes) {
      List<String> actions = new ArrayList<>();
      resource.path("change").path("actions").forEach(a -> actions.add(a.asText()));
      if (actions.contains("create") && actions.contains("delete")) {
        replace++;
      } else if (actions.contains("create")) {
        add++;
      } else if (actions.contains("update")) {
        change++;
      } else if (actions.contains("delete")) {
        destroy++;
      }
    }
    return PlanSummary.of(add, change, destroy, replace);
  }
}
