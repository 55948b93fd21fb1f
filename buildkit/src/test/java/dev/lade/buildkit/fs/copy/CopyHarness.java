package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.fetch.UrlFetcher;
import dev.lade.buildkit.fs.testing.Instructions;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Runs one instruction through {@link DockerCopier} and describes the layer it makes. */
final class CopyHarness {
  static final Instant NOW = Instant.parse("2025-06-07T08:09:10Z");

  private CopyHarness() {}

  static CopyResult run(String instruction, FileTree source, FileTree destination, String workdir,
      Path scratch, UrlFetcher fetcher) throws IOException {
    DockerCopier copier = new DockerCopier(scratch, Clock.fixed(NOW, ZoneOffset.UTC), fetcher);
    return copier.copy(new CopyRequest(Instructions.parse(instruction), source, destination, workdir, true));
  }

  static CopyResult run(String instruction, FileTree source, FileTree destination, Path scratch)
      throws IOException {
    return run(instruction, source, destination, "/", scratch, (u, a, s) -> {
      throw new IOException("no network in this test");
    });
  }

  /** path → "TYPE MODE UID:GID [content|target]", e.g. {@code file 0644 0:0 hello}. */
  static Map<String, String> describe(CopyResult result) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (LayerEntry e : result.entries()) out.put(e.path(), describe(e));
    return out;
  }

  static String describe(LayerEntry e) throws IOException {
    return switch (e) {
      case LayerEntry.File f -> "file " + meta(f.metadata()) + " " + content(f);
      case LayerEntry.Directory d -> "dir " + meta(d.metadata());
      case LayerEntry.Symlink s -> "symlink " + meta(s.metadata()) + " " + s.target();
      case LayerEntry.Hardlink h -> "hardlink " + meta(h.metadata()) + " " + h.target();
      default -> e.toString();
    };
  }

  static String content(LayerEntry.File f) throws IOException {
    try (InputStream in = f.content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String meta(EntryMetadata m) {
    return String.format("%04o %d:%d", m.mode(), m.uid(), m.gid());
  }

  static Instant mtime(CopyResult result, String path) {
    for (LayerEntry e : result.entries()) {
      if (e.path().equals(path)) {
        return switch (e) {
          case LayerEntry.File f -> f.metadata().modTime();
          case LayerEntry.Directory d -> d.metadata().modTime();
          case LayerEntry.Symlink s -> s.metadata().modTime();
          default -> null;
        };
      }
    }
    throw new AssertionError("no " + path + " in " + result.entries());
  }
}
