package dev.converge.rollback;

import dev.converge.ledger.Deployment;
import dev.converge.model.Revision;
import java.util.List;

/** Rollback answers for people: the targets, and a revert's order through the pipeline. */
public final class RollbackText {

  private RollbackText() {}

  public static String render(List<RollbackTarget> targets) {
    if (targets.isEmpty()) {
      return "No instance of that component in that environment, in the desired state or the ledger.\n";
    }
    StringBuilder out = new StringBuilder();
    for (RollbackTarget t : targets) {
      out.append(t.environment()).append("  ").append(t.instance().stack()).append("  ").append(t.instance().component())
          .append('\n');
      out.append("  now:       ").append(t.current().map(RollbackText::describe).orElse("nothing deployed")).append('\n');
      out.append("  return to: ").append(t.target().map(RollbackText::describe).orElse("nothing")).append('\n');
      t.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
    }
    return out.toString();
  }

  public static String render(RevertPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Revert ").append(Revision.abbreviate(plan.reverted())).append(": ").append(plan.changes().affected().size())
        .append(plan.changes().affected().size() == 1 ? " instance changes" : " instances change")
        .append(", rolled out as ").append(Revision.abbreviate(plan.plan().revision())).append(" through the pipeline\n");
    if (plan.order().isEmpty()) {
      out.append("  nothing to redeploy\n");
    }
    for (RevertStep step : plan.order()) {
      out.append("  ").append(step.environment()).append(" wave ").append(step.wave()).append(" (gate ")
          .append(step.gate().word()).append("): ")
          .append(String.join(", ", step.instances().stream().map(i -> i.stack() + " " + i.component()).toList()))
          .append('\n');
    }
    return out.toString();
  }

  private static String describe(Deployment d) {
    return Revision.abbreviate(d.revision()) + " (" + d.folder() + ", " + d.at() + d.actor().map(a -> ", " + a).orElse("") + ")";
  }

}
