package dev.converge.affected;

import dev.converge.model.Revision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An affected report for people: per environment (pipeline order), each affected instance with
 * its folder and every reason; or Markdown for a pull-request comment, one table per environment.
 */
public final class AffectedText {

  private static final String NONE = "(no environment)";

  private AffectedText() {}

  public static String render(AffectedReport report) {
    StringBuilder out = new StringBuilder();
    out.append("Affected between ").append(Revision.abbreviate(report.base())).append(" and ").append(Revision.abbreviate(report.head()))
        .append(": ").append(count(report.affected().size())).append('\n');
    byEnvironment(report).forEach((environment, instances) -> {
      out.append('\n').append(environment).append(" (").append(instances.size()).append(")\n");
      List<List<String>> rows = new ArrayList<>();
      for (AffectedInstance a : instances) {
        rows.add(List.of(a.stack(), a.component(), a.folder(), a.reasons().get(0).text()));
        for (AffectedReason more : a.reasons().subList(1, a.reasons().size())) {
          rows.add(List.of("", "", "", more.text()));
        }
      }
      table(out, rows);
    });
    return out.toString();
  }

  public static String markdown(AffectedReport report) {
    StringBuilder out = new StringBuilder();
    out.append("### Affected by `").append(Revision.abbreviate(report.head())).append("` (base `").append(Revision.abbreviate(report.base()))
        .append("`): ").append(count(report.affected().size())).append('\n');
    byEnvironment(report).forEach((environment, instances) -> {
      out.append("\n#### ").append(environment).append("\n\n| stack | component | folder | reasons |\n|---|---|---|---|\n");
      for (AffectedInstance a : instances) {
        out.append("| `").append(a.stack()).append("` | `").append(a.component()).append("` | `").append(a.folder())
            .append("` | ");
        List<String> reasons = a.reasons().stream().map(r -> r.text().replace("|", "\\|")).toList();
        out.append(String.join("<br>", reasons)).append(" |\n");
      }
    });
    return out.toString();
  }

  private static Map<String, List<AffectedInstance>> byEnvironment(AffectedReport report) {
    Map<String, List<AffectedInstance>> result = new LinkedHashMap<>();
    for (AffectedInstance a : report.affected()) {
      result.computeIfAbsent(a.environment().orElse(NONE), k -> new ArrayList<>()).add(a);
    }
    return result;
  }

  private static String count(int n) {
    return n == 0 ? "nothing" : n == 1 ? "1 instance" : n + " instances";
  }

  private static void table(StringBuilder out, List<List<String>> rows) {
    int[] widths = new int[4];
    for (List<String> row : rows) {
      for (int c = 0; c < 4; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < 4; c++) {
        line.append(row.get(c));
        if (c < 3) {
          line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

}
