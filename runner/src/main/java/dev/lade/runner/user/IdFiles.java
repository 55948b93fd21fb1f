package dev.lade.runner.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses passwd(5) and group(5) lines; malformed lines are skipped, as libc and runc do. */
final class IdFiles {

  /** A passwd line: {@code name:password:uid:gid:gecos:home:shell}. */
  record PasswdEntry(String name, int uid, int gid, String home) {}

  /** A group line: {@code name:password:gid:member,member}. */
  record GroupEntry(String name, int gid, List<String> members) {}

  private IdFiles() {}

  static List<PasswdEntry> passwd(List<String> lines) {
    List<PasswdEntry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] fields = fields(line, 7);
      Integer uid = fields == null ? null : id(fields[2]);
      Integer gid = fields == null ? null : id(fields[3]);
      if (uid != null && gid != null) {
        entries.add(new PasswdEntry(fields[0], uid, gid, fields[5]));
      }
    }
    return entries;
  }

  static List<GroupEntry> group(List<String> lines) {
    List<GroupEntry> entries = new ArrayList<>();
    for (String line : lines) {
      String[] fields = fields(line, 4);
      Integer gid = fields == null ? null : id(fields[2]);
      if (gid != null) {
        List<String> members = fields[3].isEmpty() ? List.of() : Arrays.asList(fields[3].split(","));
        entries.add(new GroupEntry(fields[0], gid, members.stream().map(String::trim).toList()));
      }
    }
    return entries;
  }

  /** A non-negative id in the kernel's range, or null. */
  static Integer id(String text) {
    try {
      int value = Integer.parseInt(text.trim());
      return value >= 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String[] fields(String line, int count) {
    String trimmed = line.trim();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    String[] fields = Arrays.copyOf(trimmed.split(":", -1), count);
    for (int i = 0; i < count; i++) {
      fields[i] = fields[i] == null ? "" : fields[i];
    }
    return fields;
  }
}
