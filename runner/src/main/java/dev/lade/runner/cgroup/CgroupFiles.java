package dev.lade.runner.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing cgroup control files, with errors that name the file and the value. */
final class CgroupFiles {

  private static final int REMOVE_ATTEMPTS = 50;

  private CgroupFiles() {}

  static void write(Path file, String value) throws CgroupException {
    try {
      Files.writeString(file, value, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new CgroupException("the kernel refused " + value + " for " + file + ": " + e.getMessage(), e);
    }
  }

  /** The number in a single-value file such as {@code cpu.shares}. */
  static long readLong(Path file) throws CgroupException {
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException | NumberFormatException e) {
      throw new CgroupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The value of {@code key} in a flat keyed file such as {@code memory.events}; 0 when absent. */
  static long keyedValue(Path file, String key) throws CgroupException {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 2 && fields[0].equals(key)) {
          return Long.parseLong(fields[1]);
        }
      }
      return 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException | NumberFormatException e) {
      throw new CgroupException("cannot read " + key + " in " + file + ": " + e.getMessage(), e);
    }
  }

  static void createDirectories(Path dir) throws CgroupException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CgroupException("cannot create cgroup " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Kills what is still in a cgroup: a container's processes end with it. */
  private static void killRemaining(Path procs) {
    try {
      for (String pid : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (IOException | NumberFormatException e) {
      // gone already, or nothing readable to kill: rmdir below reports what stays
    }
  }

  /** Removes a cgroup directory; the kernel reports it busy until exited tasks are fully gone. */
  static void remove(Path dir) throws CgroupException {
    killRemaining(dir.resolve("cgroup.procs"));
    for (int attempt = 1; ; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (IOException e) {
        if (attempt == REMOVE_ATTEMPTS) {
          throw new CgroupException("cannot remove cgroup " + dir + ": " + e.getMessage(), e);
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new CgroupException("interrupted removing cgroup " + dir, interrupted);
        }
      }
    }
  }
}
