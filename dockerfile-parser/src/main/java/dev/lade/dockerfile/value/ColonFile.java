package dev.lade.dockerfile.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Colon-separated system files, as moby/sys/user's {@code parseLine} splits them. */
final class ColonFile {
  private ColonFile() {}

  static final int FIELDS = 7;

  /** Each line's fields, padded with empty strings; extra fields are dropped. */
  static List<String[]> read(Reader reader, boolean skipComments) {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(reader)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip();
        if (t.isEmpty() || (skipComments && t.startsWith("#"))) continue;
        String[] parts = t.split(":", -1);
        String[] fields = new String[FIELDS];
        for (int i = 0; i < FIELDS; i++) fields[i] = i < parts.length ? parts[i] : "";
        out.add(fields);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Go's {@code strconv.Atoi} with the error ignored: 0 unless a valid in-range integer. */
  static int number(String s) {
    try {
      return s.matches("[+-]?[0-9]+") ? Integer.parseInt(s) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
