package dev.lade.runner.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** A running container's private directory of launch files (spec, error report, runtime bundle). */
final class StateDirectory {

  private StateDirectory() {}

  /** Makes {@code parent/id}, readable by the owner only; fails when a container of that id runs. */
  static Path create(Path parent, String id) throws LaunchException {
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new LaunchException(LaunchException.SETUP_FAILED, "invalid container id: " + id);
    }
    try {
      Files.createDirectories(parent);
      return Files.createDirectory(parent.resolve(id),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      throw new LaunchException(LaunchException.SETUP_FAILED, "a container named " + id + " is already running");
    } catch (IOException e) {
      throw new LaunchException("cannot create the container's state directory in " + parent, e);
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** The text of {@code file}, or null when there is none. */
  static String readIfPresent(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file).strip() : null;
    } catch (IOException e) {
      return "(unreadable " + file + ": " + e.getMessage() + ")";
    }
  }
}
