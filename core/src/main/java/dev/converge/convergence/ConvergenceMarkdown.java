package dev.converge.convergence;

import dev.converge.model.Revision;
import java.util.List;

/**
 * A convergence report as Markdown for a pull-request comment: the matrix as a table, then a
 * collapsible section per component that is not converged, with its cells and reasons.
 */
public final class ConvergenceMarkdown {

  private ConvergenceMarkdown() {}

  public static String render(ConvergenceReport report) {
    StringBuilder out = new StringBuilder();
    out.append("### Convergence of `").append(Revision.abbreviate(report.revision())).append("` at ")
        .append(report.at()).append("\n\n");
    out.append("Pipeline: ").append(ConvergenceText.pipeline(report)).append("\n\n");
    List<String> environments = report.environments().stream().map(EnvironmentStatus::name).toList();
    out.append("| component | class |");
    environments.forEach(e -> out.append(' ').append(escape(e)).append(" |"));
    out.append("\n|---|---|");
    environments.forEach(e -> out.append("---|"));
    out.append('\n');
    for (ComponentStatus component : report.components()) {
      out.append("| `").append(component.component()).append("` | ").append(classCell(component)).append(" |");
      for (String environment : environments) {
        out.append(' ').append(escape(ConvergenceText.summary(component, environment))).append(" |");
      }
      out.append('\n');
    }
    for (ComponentStatus component : report.components()) {
      if (component.divergenceClass() == DivergenceClass.CONVERGED && component.reasons().isEmpty()) {
        continue;
      }
      out.append("\n<details><summary><code>").append(component.component()).append("</code>: ")
          .append(component.divergenceClass().word()).append("</summary>\n\n");
      for (String reason : component.reasons()) {
        out.append("- ").append(escape(reason)).append('\n');
      }
      out.append("\n| environment | stack | folder | deployed | desired | state | overrides |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (Cell cell : component.cells()) {
        out.append("| ").append(escape(cell.environment()))
            .append(" | `").append(cell.stack())
            .append("` | `").append(cell.folder())
            .append("` | ").append(cell.deployedRevision().map(r -> "`" + Revision.abbreviate(r) + "`").orElse("none"))
            .append(" | `").append(Revision.abbreviate(cell.desiredRevision()))
            .append("` | ").append(cell.state().word())
            .append(" | ").append(escape(ConvergenceText.overrides(cell)))
            .append(" |\n");
      }
      out.append("\n</details>\n");
    }
    if (!report.problems().isEmpty()) {
      out.append("\n**Problems**\n\n");
      report.problems().forEach(p -> out.append("- ").append(escape(p.render())).append('\n'));
    }
    return out.toString();
  }

  private static String classCell(ComponentStatus component) {
    String word = "**" + component.divergenceClass().word() + "**";
    return component.divergenceClass() == DivergenceClass.CONVERGED ? component.divergenceClass().word() : word;
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }
}
