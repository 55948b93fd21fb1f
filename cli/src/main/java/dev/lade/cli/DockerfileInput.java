package dev.lade.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Dockerfile a command was pointed at with {@code -f}: a path, or {@code -} for standard input. */
final class DockerfileInput {
  private DockerfileInput() {}

  /** The bytes of {@code file}; {@code -} reads standard input to its end. */
  static byte[] read(String file) throws IOException {
    if (file.equals("-")) {
      try (InputStream in = System.in) {
        return in.readAllBytes();
      }
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) throw new UserInputException(file + ": is a directory");
    return Files.readAllBytes(path);
  }

  /** How messages name {@code file}. */
  static String displayName(String file) {
    return file.equals("-") ? "<stdin>" : file;
  }
}
