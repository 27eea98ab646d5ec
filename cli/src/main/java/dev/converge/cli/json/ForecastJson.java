package dev.converge.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.forecast.EnvironmentForecast;
import dev.converge.forecast.Forecast;
import dev.converge.forecast.Wait;
import dev.converge.forecast.WaveForecast;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.InstanceId;
import dev.converge.pipeline.Durations;
import dev.converge.runner.ledger.LedgerCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code converge forecast --format json} ({@code converge.forecast/v1}). */
public final class ForecastJson {

  public static final String SCHEMA = "converge.forecast/v1";

  private ForecastJson() {}

  public static ObjectNode of(Forecast forecast) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("revision", forecast.revision());
    Json.put(root, "at", forecast.at());
    Json.put(root, "converged_at", forecast.convergedAt());
    ArrayNode environments = root.putArray("environments");
    forecast.environments().forEach(e -> environments.add(environment(e)));
    Json.strings(root, "assumptions", forecast.assumptions());
    Json.strings(root, "unresolved", forecast.unresolved());
    ArrayNode events = root.putArray("assumed_events");
    for (LedgerRecord record : forecast.assumedEvents()) {
      try {
        events.add(Json.MAPPER.readTree(LedgerCodec.toJson(record)));
      } catch (IOException e) {
        throw new UncheckedIOException("a ledger record always reads back as JSON", e);
      }
    }
    return root;
  }

  private static ObjectNode environment(EnvironmentForecast environment) {
    ObjectNode node = Json.object();
    node.put("name", environment.name());
    ObjectNode duration = node.putObject("deployment_duration");
    duration.put("duration", Durations.format(environment.duration().duration()));
    duration.put("seconds", environment.duration().duration().toSeconds());
    duration.put("source", environment.duration().isDefault() ? "default" : "history");
    duration.put("runs", environment.duration().runs());
    Json.put(node, "finishes_at", environment.finishesAt());
    node.put("assumes_approval", environment.assumesApproval());
    Json.put(node, "unresolved", environment.unresolved());
    ArrayNode waves = node.putArray("waves");
    environment.waves().forEach(w -> waves.add(wave(w)));
    return node;
  }

  private static ObjectNode wave(WaveForecast wave) {
    ObjectNode node = Json.object();
    node.put("wave", wave.wave());
    Json.put(node, "starts_at", wave.startsAt());
    Json.put(node, "finishes_at", wave.finishesAt());
    ArrayNode instances = node.putArray("instances");
    for (InstanceId id : wave.instances()) {
      ObjectNode instance = instances.addObject();
      instance.put("stack", id.stack());
      instance.put("component", id.component());
    }
    ArrayNode waits = node.putArray("waits");
    for (Wait wait : wave.waits()) {
      ObjectNode w = waits.addObject();
      w.put("kind", wait.kind().word());
      Json.put(w, "from", wait.from());
      Json.put(w, "until", wait.until());
      w.put("on_person", wait.onPerson());
      w.put("message", wait.message());
    }
    return node;
  }
}
