package dev.converge.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.metrics.DeliveryMetrics;
import dev.converge.metrics.DivergencePicture;
import dev.converge.metrics.EnvironmentMetrics;
import java.time.Duration;
import java.util.Optional;

/** {@code converge metrics --format json} ({@code converge.metrics/v1}). */
public final class MetricsJson {

  public static final String SCHEMA = "converge.metrics/v1";

  private MetricsJson() {}

  public static ObjectNode of(DeliveryMetrics metrics, DivergencePicture divergence) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    Json.put(root, "since", metrics.since());
    Json.put(root, "until", metrics.until());
    Json.put(root, "production", metrics.production());
    ArrayNode environments = root.putArray("environments");
    for (EnvironmentMetrics e : metrics.environments()) {
      ObjectNode node = environments.addObject();
      node.put("name", e.environment());
      node.put("deployments", e.deployments());
      node.put("deployments_per_day", e.deploymentsPerDay());
      node.put("change_failures", e.changeFailures());
      e.changeFailureRate().ifPresent(r -> node.put("change_failure_rate", r));
      node.put("restores", e.restores().size());
      duration(node, "median_time_to_restore", e.medianTimeToRestore());
      ObjectNode lead = node.putObject("lead_time");
      lead.put("measured", e.leadTimes().size());
      lead.put("unknown", e.leadTimesUnknown());
      duration(lead, "median", e.medianLeadTime());
      duration(lead, "longest", e.longestLeadTime());
    }
    ObjectNode picture = root.putObject("divergence");
    Json.put(picture, "at", divergence.at());
    ArrayNode behind = picture.putArray("environments");
    for (DivergencePicture.Behind b : divergence.environments()) {
      ObjectNode node = behind.addObject();
      node.put("name", b.environment());
      node.put("behind", b.behind());
      duration(node, "longest_since_deployment", b.longestSinceDeployment());
    }
    ArrayNode overdue = picture.putArray("overdue");
    for (DivergencePicture.Overdue o : divergence.overdue()) {
      ObjectNode node = overdue.addObject();
      node.put("component", o.component());
      o.convergeBy().ifPresent(d -> node.put("converge_by", d.toString()));
      o.daysOverdue().ifPresent(d -> node.put("days_overdue", d));
    }
    picture.put("planned", divergence.planned());
    return root;
  }

  private static void duration(ObjectNode node, String name, Optional<Duration> value) {
    value.ifPresent(d -> node.put(name, d.toString()));
  }
}
