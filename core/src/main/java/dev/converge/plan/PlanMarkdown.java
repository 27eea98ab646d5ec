package dev.converge.plan;

import dev.converge.diagnostic.Problem;

/** A plan as Markdown, for a pull-request comment: one table row per environment, then the changes. */
public final class PlanMarkdown {

  private PlanMarkdown() {}

  public static String render(RolloutPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("### Rollout plan for `").append(plan.revision()).append("`\n\n");
    out.append("| environment | gate | changes | earliest | why |\n|---|---|---:|---|---|\n");
    for (EnvironmentPlan environment : plan.environments()) {
      Gate gate = environment.gate();
      out.append("| ").append(environment.name())
          .append(" | ").append(gate.state().word()).append(gate.opensAt().map(t -> " until " + t).orElse(""))
          .append(" | ").append(environment.changes().size())
          .append(" | ").append(environment.earliestAt().map(Object::toString).orElse(""))
          .append(" | ").append(escape(String.join("; ", gate.reasons())))
          .append(" |\n");
    }
    boolean anyChange = plan.environments().stream().anyMatch(e -> !e.changes().isEmpty());
    if (anyChange) {
      out.append("\n<details><summary>Changes</summary>\n\n");
      out.append("| environment | wave | kind | stack | component | folder | why |\n|---|---:|---|---|---|---|---|\n");
      for (EnvironmentPlan environment : plan.environments()) {
        for (Action a : environment.changes()) {
          out.append("| ").append(environment.name())
              .append(" | ").append(a.wave().isPresent() ? String.valueOf(a.wave().getAsInt()) : "")
              .append(" | ").append(a.kind().word())
              .append(" | `").append(a.stack()).append("` | `").append(a.component()).append("` | `")
              .append(a.folder()).append("` | ").append(escape(String.join("; ", a.reasons()))).append(" |\n");
        }
      }
      out.append("\n</details>\n");
    }
    out.append("\n**Next:** ");
    if (plan.next().isEmpty()) {
      out.append(plan.isConverged() ? "nothing; every environment is done." : "nothing may run now.");
    } else {
      out.append(plan.next().size()).append(plan.next().size() == 1 ? " action" : " actions").append(" in ")
          .append(String.join(", ", plan.next().stream().map(Action::environment).distinct().toList())).append('.');
    }
    out.append('\n');
    if (!plan.problems().isEmpty()) {
      out.append("\n**Problems**\n\n");
      for (Problem p : plan.problems()) {
        out.append("- ").append(escape(p.render())).append('\n');
      }
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
