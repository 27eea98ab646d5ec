package dev.converge.examples;

import dev.converge.RolloutPlanner;
import dev.converge.estate.Component;
import dev.converge.estate.Estate;
import dev.converge.estate.Pin;
import dev.converge.estate.Stack;
import dev.converge.estate.Track;
import dev.converge.ledger.Ledger;
import dev.converge.model.ComponentFolder;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.GateCondition;
import dev.converge.plan.RolloutPlan;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedder's walk through a repository: stacks of an environment, a component's folders, the
 * pins and how far behind they are, the release tracks, then the plan and what a closed gate waits
 * for, all read as values (no string parsing).
 */
public final class NavigatingTheEstate {

  private NavigatingTheEstate() {}

  /** One line per fact the walk finds in {@code repo} at HEAD, planned at {@code now} with {@code ledger}. */
  public static List<String> walk(Path repo, Ledger ledger, Instant now) {
    List<String> lines = new ArrayList<>();
    // @start region="estate"
    AtmosSnapshot head = AtmosRepository.open(repo).load("HEAD");
    Estate estate = head.estate();                                  // built once; lookups are map accesses

    for (Stack stack : estate.stacksOf("prod")) {                   // the stacks that fall in prod
      lines.add(stack.name() + " from " + stack.manifest().orElse("?") + ": " + stack.instances().size() + " instances");
    }
    Component vpc = estate.component("vpc").orElseThrow();
    for (ComponentFolder folder : vpc.folders()) {                  // vpc, vpc-experiment, ... with their kinds
      lines.add("vpc runs " + folder.path() + " (" + folder.kind().word() + ")");
    }
    for (Pin pin : estate.pins()) {                                 // vpc/1.2.3, a vendored critical-service-v1.2.3
      lines.add("pin " + pin.folder() + " via " + pin.where() + ", " + pin.versionsBehind() + " versions behind");
    }
    for (Track track : estate.tracks()) {                           // alpha -> beta -> ...
      lines.add("track " + track.name() + " promotes to " + track.promotesTo().orElse("(last)"));
    }

    RolloutPlan plan = RolloutPlanner.of(head.pipeline().orElseThrow()).withLedger(ledger).at(now)
        .plan(head.desiredState());
    for (EnvironmentPlan environment : plan.environments()) {
      for (GateCondition condition : environment.gate().conditions()) {   // why a gate is closed, as data
        lines.add(environment.name() + " waits: " + condition.kind().word()
            + condition.environment().map(up -> " on " + up).orElse("")
            + condition.check().map(check -> ", check " + check).orElse("")
            + (condition.required().isPresent()
                ? ", " + condition.has().orElse(0) + " of " + condition.required().getAsInt() + " approvals" : ""));
      }
    }
    // @end region="estate"
    return lines;
  }
}
