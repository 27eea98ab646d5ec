package dev.converge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.cli.json.Json;
import dev.converge.ledger.Deployment;
import dev.converge.rollback.Rollback;
import dev.converge.rollback.RollbackTarget;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge rollback}: the deployment to return to. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {"The deployment to return to for an environment and component, from the ledger.",
        "Rolling back means reverting the commit on trunk and re-running the pipeline: never a bypass."},
    footer = {"", "Examples:", "  converge rollback --environment prod --component vpc",
        "  converge rollback --environment prod --component vpc --stack prod/us-east-1 --before abc123"})
final class RollbackCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--environment", paramLabel = "E", required = true, description = "The environment.")
  String environment;

  @Option(names = "--component", paramLabel = "C", required = true, description = "The component.")
  String component;

  @Option(names = "--stack", paramLabel = "S", description = "Only this stack of the environment.")
  String stack;

  @Option(names = "--before", paramLabel = "REV", description = "Return to the newest deployment before this revision (default: the deployed one).")
  String before;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text, Format.json), "rollback");
    // the component alone, as plan loads it: its instances and trunk's history are all rollback reads
    Session session = Session.open(options, Optional.empty(),
        options.builder(Session.Load.PLANNING).components(Set.of(component)));
    Optional<String> beforeId = Optional.ofNullable(before).map(b -> session.repository.resolveRevision(b));
    List<RollbackTarget> targets = Rollback.of(session.pipeline()).withLedger(session.ledger()).at(session.now)
        .targets(session.desired(), environment, component, Optional.ofNullable(stack), beforeId);
    if (options.format == Format.json) {
      ObjectNode root = Json.object();
      root.put("schema", "converge.rollback/v1");
      root.put("environment", environment);
      root.put("component", component);
      ArrayNode list = root.putArray("targets");
      for (RollbackTarget t : targets) {
        ObjectNode node = list.addObject();
        node.put("stack", t.instance().stack());
        t.current().ifPresent(d -> node.set("current", deployment(d)));
        t.target().ifPresent(d -> node.set("target", deployment(d)));
        Json.strings(node, "reasons", t.reasons());
      }
      spec.commandLine().getOut().print(Json.pretty(root));
    } else {
      StringBuilder out = new StringBuilder();
      for (RollbackTarget t : targets) {
        out.append(t.instance().render()).append(": ")
            .append(t.current().map(d -> "deployed " + d.revision() + " at " + d.at()).orElse("never deployed"))
            .append(" -> ")
            .append(t.target().map(d -> "return to " + d.revision() + " (deployed " + d.at() + ")").orElse("nothing to return to"))
            .append('\n');
        t.reasons().forEach(r -> out.append("    ").append(r).append('\n'));
      }
      if (targets.isEmpty()) {
        out.append("No instance of ").append(component).append(" in ").append(environment).append(".\n");
      }
      spec.commandLine().getOut().print(out);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static ObjectNode deployment(Deployment d) {
    ObjectNode node = Json.object();
    node.put("revision", d.revision());
    node.put("folder", d.folder());
    node.put("at", d.at().toString());
    node.put("source_digest", d.sourceDigest());
    node.put("config_digest", d.configDigest());
    return node;
  }
}
