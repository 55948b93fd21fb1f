package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lade build --reproducible}: SOURCE_DATE_EPOCH from the context's last git commit, so two
 * checkouts built into two stores, with different file times and under different umasks, give the
 * same image id, created at the commit's time.
 */
class ReproducibleBuildCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long COMMIT_TIME = 1_700_000_000L;

  @TempDir Path dir;

  @Test
  void sameImageIdFromTwoCheckouts() throws Exception {
    Path first = checkout("first");
    Path second = checkout("second");
    Files.setLastModifiedTime(second.resolve("Dockerfile"), FileTime.from(Instant.now().plusSeconds(3600)));

    String one = buildUnderUmask(first, "one", 0022);
    String two = buildUnderUmask(second, "two", 0077);
    CliRun plain = CliRun.of("--root", dir.resolve("three").toString(), "build", "--progress", "quiet", first.toString());

    assertEquals(one, two);
    assertNotEquals(one + "\n", plain.out(), "without --reproducible, created is the build's time");
    Path layout = dir.resolve("layout");
    CliRun export = CliRun.of("--root", dir.resolve("one").toString(), "build", "--reproducible", "--progress", "quiet",
        "-o", "type=oci,dest=" + layout + ",tar=false", first.toString());
    assertEquals(0, export.exitCode(), export.err());
    assertEquals("2023-11-14T22:13:20Z", config(layout).get("created").asText());
  }

  @Test
  void aContextOutsideGitIsRefusedInOneLine() throws IOException {
    Path context = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
    CliRun run = CliRun.of("--root", dir.resolve("store").toString(), "build", "--reproducible", context.toString());
    assertNotEquals(0, run.exitCode());
    assertTrue(run.err().contains("--reproducible needs the context in a git repository"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  private String buildUnderUmask(Path context, String store, int umask) {
    POSIX posix = POSIXFactory.getNativePOSIX();
    int saved = posix.umask(umask);
    try {
      CliRun run = CliRun.of("--root", dir.resolve(store).toString(), "build", "--reproducible", "--progress", "quiet",
          context.toString());
      assertEquals(0, run.exitCode(), run.err());
      return run.out().strip();
    } finally {
      posix.umask(saved);
    }
  }

  private Path checkout(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve(name));
    Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\nWORKDIR /app\nLABEL reproducible=yes\nCMD [\"/app/run\"]\n");
    git(repo, "init", "-q");
    git(repo, "add", "Dockerfile");
    git(repo, "-c", "user.name=lade", "-c", "user.email=lade@example.com", "commit", "-q", "-m", "one");
    return repo;
  }

  private static void git(Path repo, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("GIT_AUTHOR_DATE", "@" + COMMIT_TIME + " +0000");
    builder.environment().put("GIT_COMMITTER_DATE", "@" + COMMIT_TIME + " +0000");
    Process git;
    try {
      git = builder.start();
    } catch (IOException e) {
      assumeTrue(false, "git is not installed (see tools/test-packages.txt)");
      return;
    }
    String output = new String(git.getInputStream().readAllBytes());
    assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, output);
  }

  private static JsonNode config(Path layout) throws IOException {
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(layout, index.at("/manifests/0/digest").asText()).toFile());
    return JSON.readTree(blob(layout, manifest.at("/config/digest").asText()).toFile());
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }
}
