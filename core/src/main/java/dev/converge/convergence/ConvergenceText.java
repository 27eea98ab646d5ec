package dev.converge.convergence;

import dev.converge.diagnostic.Problem;
import dev.converge.internal.text.TextTable;
import dev.converge.model.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A convergence report as text for people: the pipeline in one line, a matrix of components by
 * environment (one word per environment, the worst of its cells), then every component that is
 * not converged with its cells and reasons, as the seed draws "Time 0 / +30min / +2hrs".
 */
public final class ConvergenceText {

  private ConvergenceText() {}

  public static String render(ConvergenceReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Status of ").append(Revision.abbreviate(report.revision())).append(" at ").append(report.at()).append('\n');
    out.append("Pipeline: ").append(pipeline(report)).append("\n\n");
    List<String> environments = report.environments().stream().map(EnvironmentStatus::name).toList();
    List<List<String>> rows = new ArrayList<>();
    List<String> heading = new ArrayList<>(List.of("component", "class"));
    heading.addAll(environments);
    rows.add(heading);
    for (ComponentStatus component : report.components()) {
      List<String> row = new ArrayList<>(List.of(component.component(), component.divergenceClass().word()));
      for (String environment : environments) {
        row.add(summary(component, environment));
      }
      rows.add(row);
    }
    TextTable.append(out, rows, "");
    for (ComponentStatus component : report.components()) {
      if (component.divergenceClass() != DivergenceClass.CONVERGED || !component.reasons().isEmpty()) {
        out.append('\n');
        details(out, component);
      }
    }
    if (!report.problems().isEmpty()) {
      out.append("\nProblems:\n");
      for (Problem p : report.problems()) {
        out.append("  ").append(p.render()).append('\n');
      }
    }
    return out.toString();
  }

  static String pipeline(ConvergenceReport report) {
    List<String> parts = new ArrayList<>();
    for (EnvironmentStatus e : report.environments()) {
      StringBuilder part = new StringBuilder(e.name());
      if (!e.after().isEmpty()) {
        part.append(" (after ").append(String.join(", ", e.after())).append(')');
      }
      part.append(": ").append(e.gate().word());
      e.opensAt().ifPresent(t -> part.append(" until ").append(t));
      parts.add(part.toString());
    }
    return String.join(" · ", parts);
  }

  /** The word for one environment of a component: the worst cell state there, {@code -} when none. */
  static String summary(ComponentStatus component, String environment) {
    CellState worst = null;
    Map<String, Integer> folders = new LinkedHashMap<>();
    for (Cell cell : component.cells()) {
      if (cell.environment().equals(environment)) {
        folders.merge(cell.folder(), 1, Integer::sum);
        if (worst == null || rank(cell.state()) > rank(worst)) {
          worst = cell.state();
        }
      }
    }
    if (worst == null) {
      return "-";
    }
    String word = worst.word();
    if (folders.size() == 1 && !folders.keySet().iterator().next().equals(component.component())) {
      word += " (" + folders.keySet().iterator().next() + ")";
    }
    return word;
  }

  private static int rank(CellState state) {
    return switch (state) {
      case DISABLED -> 0;
      case CURRENT -> 1;
      case BEHIND -> 2;
      case NEVER_DEPLOYED -> 3;
      case FAILED -> 4;
    };
  }

  private static void details(StringBuilder out, ComponentStatus component) {
    out.append(component.component()).append("  ").append(component.divergenceClass().word());
    component.convergeBy().ifPresent(d -> out.append("  (converge by ").append(d).append(')'));
    component.waitingOn().ifPresent(w -> out.append("  waiting on ").append(w)
        .append(component.gate().map(g -> " (" + g.word() + ")").orElse("")));
    out.append('\n');
    List<List<String>> rows = new ArrayList<>();
    for (Cell cell : component.cells()) {
      String revisions = cell.deployedRevision().map(Revision::abbreviate).orElse("none");
      if (cell.state() != CellState.CURRENT && cell.state() != CellState.DISABLED) {
        revisions += " -> " + Revision.abbreviate(cell.desiredRevision());
      }
      rows.add(List.of(cell.environment(), cell.stack(), cell.folder(), revisions, cell.state().word(),
          overrides(cell)));
    }
    TextTable.append(out, rows, "  ");
    for (String reason : component.reasons()) {
      out.append("  - ").append(reason).append('\n');
    }
    if (!component.sharedVars().isEmpty()) {
      out.append("  parity: ").append(component.sharedVars().size())
          .append(component.sharedVars().size() == 1 ? " var" : " vars").append(" shared by every environment\n");
    }
  }

  static String overrides(Cell cell) {
    int n = cell.overriddenVars().size();
    if (n == 0) {
      return "no overrides";
    }
    return n + (n == 1 ? " override" : " overrides") + " (" + String.join(", ", cell.overriddenVars()) + ")";
  }

}
