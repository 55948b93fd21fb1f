package dev.lade.cli;

import java.io.PrintWriter;
import java.util.List;

/** Docker's table output: columns padded to the widest cell plus three spaces, as its tabwriter does. */
final class Table {
  private Table() {}

  /** Prints {@code rows} (the header first) to {@code out}. */
  static void print(PrintWriter out, List<List<String>> rows) {
    int columns = rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], row.get(i).length());
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row.get(i));
        if (i < columns - 1) line.append(" ".repeat(widths[i] - row.get(i).length() + 3));
      }
      out.println(line);
    }
    out.flush();
  }
}
