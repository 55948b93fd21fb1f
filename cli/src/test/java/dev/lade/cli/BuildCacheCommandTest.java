package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache through the CLI: hits show as {@code CACHED} in plain progress, {@code
 * --no-cache} rebuilds, entries survive from one {@code lade build} to the next and a {@code lade
 * prune}, and {@code lade prune --cache} drops only the entries whose layers no image holds.
 */
class BuildCacheCommandTest {
  private static final Pattern STEP = Pattern.compile("#(\\d+) \\[(\\d+/\\d+)] (.*)");

  @TempDir Path dir;

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", dir.resolve("store").toString()));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  private Path context(String name, String dockerfile) throws IOException {
    Path context = Files.createDirectories(dir.resolve(name));
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    return context;
  }

  /** Each step's {@code [k/n] INSTRUCTION} with its outcome, {@code CACHED} or {@code DONE}. */
  private static List<String> steps(CliRun build) {
    List<String> out = new ArrayList<>();
    List<String> lines = build.err().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = STEP.matcher(lines.get(i));
      if (!m.matches()) continue;
      String id = "#" + m.group(1) + " ";
      String outcome = lines.stream().skip(i + 1).filter(l -> l.startsWith(id)).findFirst().orElse("?")
          .substring(id.length()).split(" ")[0];
      out.add(m.group(3) + " " + outcome);
    }
    return out;
  }

  @Test
  void secondBuildIsCachedUnlessNoCache() throws IOException {
    Path context = context("app", "FROM scratch\nWORKDIR /app\nENV A=1\nWORKDIR src\n");
    CliRun first = lade("build", "--progress", "plain", "-t", "app", context.toString());
    CliRun second = lade("build", "--progress", "plain", "-t", "app", context.toString());
    CliRun noCache = lade("build", "--progress", "plain", "--no-cache", "-t", "app", context.toString());

    assertEquals(List.of("WORKDIR /app DONE", "WORKDIR src DONE"), steps(first));
    assertEquals(List.of("WORKDIR /app CACHED", "WORKDIR src CACHED"), steps(second));
    assertEquals(List.of("WORKDIR /app DONE", "WORKDIR src DONE"), steps(noCache));
    assertTrue(second.err().contains("#2 [1/2] WORKDIR /app\n#2 CACHED\n"), second.err());
  }

  @Test
  void pruneKeepsTheBuildCacheAndItsLayers() throws IOException {
    Path dropped = context("dropped", "FROM scratch\nWORKDIR /shared\nWORKDIR /only-here\n");
    lade("build", "--progress", "plain", "-t", "dropped", dropped.toString());
    lade("rmi", "dropped");

    CliRun prune = lade("prune");

    assertTrue(prune.out().contains("deleted: sha256:"), prune.out()); // the image's manifest and config
    assertEquals(List.of("WORKDIR /shared CACHED", "WORKDIR /only-here CACHED"),
        steps(lade("build", "--progress", "plain", dropped.toString())));
    assertEquals(0, CliRun.of("--root", dir.resolve("store").toString(), "fsck").exitCode());
  }

  @Test
  void pruneDropsDamagedEntriesAndThoseWhoseLayerIsGone() throws IOException {
    lade("build", "--progress", "plain", "-t", "gone", context("gone", "FROM scratch\nWORKDIR /gone\n").toString());
    lade("rmi", "gone");
    Path cache = dir.resolve("store").resolve(".lade").resolve("build-cache");
    Path entry;
    try (var entries = Files.list(cache)) {
      entry = entries.findFirst().orElseThrow();
    }
    Matcher digest = Pattern.compile("\"digest\"\\s*:\\s*\"sha256:([0-9a-f]{64})\"")
        .matcher(Files.readString(entry));
    assertTrue(digest.find(), Files.readString(entry));
    Files.delete(dir.resolve("store").resolve("blobs").resolve("sha256").resolve(digest.group(1)));
    Files.writeString(cache.resolve("00".repeat(32)), "{not a descriptor");

    lade("prune");

    try (var entries = Files.list(cache)) {
      assertEquals(List.of(), entries.toList());
    }
  }

  @Test
  void pruneWithCacheDropsOnlyEntriesNoImageHolds() throws IOException {
    Path kept = context("kept", "FROM scratch\nWORKDIR /shared\n");
    Path dropped = context("dropped", "FROM scratch\nWORKDIR /shared\nWORKDIR /only-here\n");
    lade("build", "--progress", "plain", "-t", "kept", kept.toString());
    lade("build", "--progress", "plain", "-t", "dropped", dropped.toString());
    lade("rmi", "dropped");

    CliRun prune = lade("prune", "--cache");

    assertTrue(prune.out().contains("deleted: sha256:"), prune.out());
    assertEquals(List.of("WORKDIR /shared CACHED"), steps(lade("build", "--progress", "plain", kept.toString())));
    assertEquals(List.of("WORKDIR /shared CACHED", "WORKDIR /only-here DONE"),
        steps(lade("build", "--progress", "plain", dropped.toString())));
    assertEquals(0, CliRun.of("--root", dir.resolve("store").toString(), "fsck").exitCode());
  }
}
