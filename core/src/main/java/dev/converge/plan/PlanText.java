package dev.converge.plan;

import dev.converge.diagnostic.Problem;
import dev.converge.internal.text.TextTable;
import dev.converge.model.Revision;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as text for people: a heading, then per environment its gate (state, reasons,
 * {@code opens_at}, forecast) and a table of the actions that change something; then what runs
 * next, what went stale, and the problems.
 */
public final class PlanText {

  private PlanText() {}

  public static String render(RolloutPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Plan for ").append(plan.revision()).append(" at ").append(plan.at()).append('\n');
    for (EnvironmentPlan environment : plan.environments()) {
      out.append('\n');
      renderEnvironment(out, environment);
    }
    out.append('\n');
    if (plan.next().isEmpty()) {
      out.append(plan.isConverged() ? "Next: nothing; every environment is done.\n" : "Next: nothing may run now.\n");
    } else {
      out.append("Next (").append(plan.next().size()).append("):\n");
      List<List<String>> rows = new ArrayList<>();
      for (Action a : plan.next()) {
        rows.add(List.of(a.environment(), a.stack(), a.component(), a.kind().word(), "wave " + a.wave().orElse(0)));
      }
      TextTable.append(out, rows, "  ");
    }
    if (!plan.stale().isEmpty()) {
      out.append("\nStale (given for a revision that ").append(Revision.abbreviate(plan.revision())).append(" superseded):\n");
      for (StaleRecord s : plan.stale()) {
        out.append("  ").append(s.type()).append(' ').append(s.subject()).append(" in ").append(s.environment())
            .append(" at ").append(Revision.abbreviate(s.revision())).append('\n');
      }
    }
    if (!plan.problems().isEmpty()) {
      out.append("\nProblems:\n");
      for (Problem p : plan.problems()) {
        out.append("  ").append(p.render()).append('\n');
      }
    }
    return out.toString();
  }

  private static void renderEnvironment(StringBuilder out, EnvironmentPlan environment) {
    Gate gate = environment.gate();
    out.append(environment.name()).append("  ").append(gate.state().word());
    gate.opensAt().ifPresent(t -> out.append(" until ").append(t));
    environment.earliestAt().ifPresent(t -> out.append("  (earliest ").append(t).append(')'));
    out.append('\n');
    for (String reason : gate.reasons()) {
      out.append("  - ").append(reason).append('\n');
    }
    List<List<String>> rows = new ArrayList<>();
    int unchanged = 0;
    int abstracts = 0;
    for (Action a : environment.actions()) {
      if (a.kind() == ActionKind.NOOP) {
        unchanged++;
        continue;
      }
      if (a.kind() == ActionKind.SKIP && a.reasons().stream().anyMatch(r -> r.startsWith("abstract"))) {
        abstracts++;
        continue;
      }
      rows.add(List.of(
          a.wave().isPresent() ? "wave " + a.wave().getAsInt() : "-",
          a.kind().word(),
          a.stack(),
          a.component(),
          a.folder(),
          a.fromRevision().map(Revision::abbreviate).orElse("none") + " -> " + Revision.abbreviate(a.toRevision()),
          String.join("; ", a.reasons())));
    }
    TextTable.append(out, rows, "  ");
    if (unchanged > 0) {
      out.append("  ").append(unchanged).append(unchanged == 1 ? " instance" : " instances").append(" unchanged\n");
    }
    if (abstracts > 0) {
      out.append("  ").append(abstracts).append(abstracts == 1 ? " abstract component" : " abstract components")
          .append(" (only inherited from)\n");
    }
  }

}
