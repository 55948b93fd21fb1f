package dev.lade.dockerfile.ignore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which ignore file applies to a build, as BuildKit's {@code dockerui} frontend decides.
 *
 * <p>{@code <Dockerfile-name>.dockerignore} next to the Dockerfile (for {@code -f app.Dockerfile},
 * {@code app.Dockerfile.dockerignore}) wins over {@code .dockerignore} at the context root; the
 * two are never merged. Without either, nothing is excluded.
 */
public final class IgnoreFiles {
  /** The ignore file at the root of the context. */
  public static final String DEFAULT_NAME = ".dockerignore";

  private IgnoreFiles() {}

  /**
   * The ignore file that applies, if any.
   *
   * @param context the build context directory
   * @param dockerfile the Dockerfile used, or null when it does not come from a file (stdin)
   */
  public static Optional<Path> locate(Path context, Path dockerfile) {
    if (dockerfile != null && dockerfile.getFileName() != null) {
      Path specific = dockerfile.resolveSibling(dockerfile.getFileName() + DEFAULT_NAME);
      if (Files.isRegularFile(specific)) return Optional.of(specific);
    }
    Path general = context.resolve(DEFAULT_NAME);
    return Files.isRegularFile(general) ? Optional.of(general) : Optional.empty();
  }

  /**
   * Parses the ignore file that {@link #locate} finds; {@link IgnorePatterns#empty()} without one.
   * Errors name the file by its file name, as BuildKit does.
   *
   * @throws IgnorePatternException for a malformed pattern
   * @throws UncheckedIOException when the file cannot be read
   */
  public static IgnorePatterns load(Path context, Path dockerfile) {
    Optional<Path> file = locate(context, dockerfile);
    if (file.isEmpty()) return IgnorePatterns.empty();
    Path path = file.get();
    try (InputStream in = Files.newInputStream(path)) {
      return IgnorePatterns.parse(in, path.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
