package dev.converge.convergence;

import dev.converge.plan.GateState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A convergence report as a Mermaid flowchart: the pipeline's environments joined by
 * {@code after}, each labelled with its gate and how many cells are current, behind, ..., and
 * coloured by its gate: green done, blue open, amber waiting (soak, approval, window, upstream),
 * red blocked, held or frozen.
 */
public final class ConvergenceMermaid {

  private ConvergenceMermaid() {}

  public static String render(ConvergenceReport report) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (EnvironmentStatus e : report.environments()) {
      out.append("  ").append(id(e.name())).append("[\"").append(label(e)).append("\"]\n");
    }
    for (EnvironmentStatus e : report.environments()) {
      for (String up : e.after()) {
        out.append("  ").append(id(up)).append(" --> ").append(id(e.name())).append('\n');
      }
    }
    out.append("  classDef done fill:#d4edda,stroke:#28a745\n");
    out.append("  classDef open fill:#d1ecf1,stroke:#17a2b8\n");
    out.append("  classDef waiting fill:#fff3cd,stroke:#ffc107\n");
    out.append("  classDef stopped fill:#f8d7da,stroke:#dc3545\n");
    for (EnvironmentStatus e : report.environments()) {
      out.append("  class ").append(id(e.name())).append(' ').append(style(e.gate())).append('\n');
    }
    return out.toString();
  }

  private static String label(EnvironmentStatus e) {
    StringBuilder label = new StringBuilder(e.name()).append("<br/>").append(e.gate().word());
    e.opensAt().ifPresent(t -> label.append(" until ").append(t));
    List<String> counts = new ArrayList<>();
    for (Map.Entry<CellState, Integer> c : e.cells().entrySet()) {
      counts.add(c.getValue() + " " + c.getKey().word().replace('_', ' '));
    }
    if (!counts.isEmpty()) {
      label.append("<br/>").append(String.join(", ", counts));
    }
    return label.toString().replace("\"", "#quot;");
  }

  private static String style(GateState state) {
    return switch (state) {
      case DONE -> "done";
      case OPEN -> "open";
      case BLOCKED, HELD, FROZEN -> "stopped";
      case WAITING_UPSTREAM, SOAKING, AWAITING_APPROVAL, OUTSIDE_WINDOW -> "waiting";
    };
  }

  /** A Mermaid node id: letters, digits and underscores. */
  private static String id(String name) {
    return "env_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }
}
