package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.buildkit.export.ImageExporter;
import dev.lade.buildkit.export.OutputSpec;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild with nothing changed, exported under the same tag, as BuildKit's: the same image, nothing written. */
class NoOpRebuildTest {
  @TempDir Path tmp;

  private void buildAndTag(OciLayoutStore store, Path context, Instant now) throws IOException {
    RecordingProgress progress = new RecordingProgress();
    try (StandardFileSystems files = StandardFileSystems.openIn(tmp.resolve("scratch"), tmp.resolve("checksums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files, Optional.empty(), ImagePuller.offline(),
          progress, Clock.fixed(now, ZoneOffset.UTC));
      BuiltImage image = new ImageBuilder(env).build(BuildRequest.of(
          "FROM scratch\nWORKDIR /app\nCOPY a.txt ./\nLABEL x=y\n".getBytes(StandardCharsets.UTF_8), context));
      new ImageExporter(store, name -> { }, progress).export(image, new OutputSpec.Image(List.of("app:1"), false));
    }
  }

  /** Every file of the store but the cache's and locks', with its identity and modification time. */
  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.toString().endsWith(".lock") && !p.toString().contains("/.lade/build-cache/"))
          .map(p -> {
            try {
              BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
              return root.relativize(p) + " " + a.fileKey() + " " + a.lastModifiedTime().toMillis();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).sorted().toList();
    }
  }

  @Test
  void writesNothingAndKeepsTheImage() throws IOException {
    Path context = Files.createDirectories(tmp.resolve("context"));
    Files.writeString(context.resolve("a.txt"), "a");
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    buildAndTag(store, context, Instant.parse("2026-01-02T03:04:05Z"));
    var tagged = store.refs().get(Reference.parse("app:1").withDefaultTag()).orElseThrow();
    List<String> before = files(store.root());
    buildAndTag(store, context, Instant.parse("2026-01-02T04:00:00Z"));
    assertEquals(tagged, store.refs().get(Reference.parse("app:1").withDefaultTag()).orElseThrow());
    assertEquals(before, files(store.root()));
  }
}
