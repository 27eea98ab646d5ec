package dev.converge.internal.text;

import java.util.List;

/** Rows of cells laid out in left-aligned columns two spaces apart, without trailing blanks. */
public final class TextTable {

  private TextTable() {}

  /** Appends {@code rows} (each of the same length) to {@code out}, every line starting with {@code indent}. */
  public static void append(StringBuilder out, List<List<String>> rows, String indent) {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        line.append(row.get(c));
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
