package dev.converge.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.convergence.Cell;
import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.EnvironmentStatus;

/** {@code converge status --format json} ({@code converge.status/v1}). */
public final class StatusJson {

  public static final String SCHEMA = "converge.status/v1";

  private StatusJson() {}

  public static ObjectNode of(ConvergenceReport report) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("revision", report.revision());
    Json.put(root, "at", report.at());
    ArrayNode environments = root.putArray("environments");
    for (EnvironmentStatus environment : report.environments()) {
      ObjectNode node = environments.addObject();
      node.put("name", environment.name());
      Json.strings(node, "after", environment.after());
      node.put("gate", environment.gate().word());
      environment.opensAt().ifPresent(t -> node.put("opens_at", t.toString()));
      Json.conditions(node, environment.conditions());
      ObjectNode cells = node.putObject("cells");
      environment.cells().forEach((state, count) -> cells.put(state.word(), count));
    }
    ArrayNode components = root.putArray("components");
    for (ComponentStatus component : report.components()) {
      ObjectNode node = components.addObject();
      node.put("component", component.component());
      node.put("class", component.divergenceClass().word());
      Json.strings(node, "reasons", component.reasons());
      component.convergeBy().ifPresent(d -> node.put("converge_by", d.toString()));
      Json.put(node, "waiting_on", component.waitingOn());
      component.gate().ifPresent(g -> node.put("gate", g.word()));
      Json.strings(node, "shared_vars", component.sharedVars());
      ArrayNode cells = node.putArray("cells");
      for (Cell cell : component.cells()) {
        ObjectNode c = cells.addObject();
        c.put("environment", cell.environment());
        c.put("stack", cell.instance().stack());
        c.put("folder", cell.folder());
        c.put("folder_kind", cell.folderKind().word());
        c.put("desired_revision", cell.desiredRevision());
        Json.put(c, "deployed_revision", cell.deployedRevision());
        cell.deployedAt().ifPresent(t -> c.put("deployed_at", t.toString()));
        c.put("state", cell.state().word());
        Json.strings(c, "overridden_vars", cell.overriddenVars());
      }
    }
    ArrayNode problems = root.putArray("problems");
    report.problems().forEach(p -> problems.add(Json.problem(p)));
    return root;
  }
}
