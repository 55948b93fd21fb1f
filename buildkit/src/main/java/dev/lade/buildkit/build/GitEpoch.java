package dev.lade.buildkit.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** {@code --reproducible}: SOURCE_DATE_EPOCH from the commit time of a context's last git commit. */
public final class GitEpoch {
  private GitEpoch() {}

  /**
   * The committer time of {@code HEAD} in the repository holding {@code context}.
   *
   * @throws IOException when git is missing, or {@code context} is not in a repository with commits
   */
  public static Instant of(Path context) throws IOException {
    Process git = new ProcessBuilder("git", "-C", context.toString(), "log", "-1", "--format=%ct")
        .redirectErrorStream(true).start();
    String out;
    try (InputStream in = git.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    try {
      if (!git.waitFor(30, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        throw new IOException("git log timed out in " + context);
      }
    } catch (InterruptedException e) {
      git.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking git for the last commit time", e);
    }
    if (git.exitValue() != 0 || !out.matches("[0-9]+")) {
      throw new IOException("--reproducible needs the context in a git repository with a commit: "
          + out.lines().findFirst().orElse("git failed"));
    }
    return Instant.ofEpochSecond(Long.parseLong(out));
  }
}
