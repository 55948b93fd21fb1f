package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.BlobStore;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY's cache, keyed as BuildKit keys it: by the checksum of its sources and options, chained
 * onto the key of the filesystem it copies onto. A cached COPY reads no layer of the image below
 * it; a change to what lands in the layer (content, mode, owner, names, destination) misses, and
 * nothing else does (modification times, files the step does not copy).
 */
class CopyCacheTest {
  private static final String DOCKERFILE = "FROM scratch\nWORKDIR /app\nCOPY f1.txt ./\nCOPY src/ ./src/\n";

  @TempDir Path tmp;
  private Path context;
  private OciLayoutStore store;
  /** How many root filesystems the last build opened. */
  private final AtomicInteger rootfsOpened = new AtomicInteger();

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(tmp.resolve("context"));
    Files.createDirectories(context.resolve("src/lib"));
    Files.writeString(context.resolve("f1.txt"), "file 1");
    Files.writeString(context.resolve("src/hello.sh"), "echo hello");
    Files.writeString(context.resolve("src/lib/a.txt"), "lib");
    store = OciLayoutStore.open(tmp.resolve("store"));
  }

  private BuiltImage build(String dockerfile, RecordingProgress progress) throws IOException {
    rootfsOpened.set(0);
    try (StandardFileSystems files = StandardFileSystems.open(tmp.resolve("scratch"), tmp.resolve("checksums"))) {
      FileTrees counting = new FileTrees() {
        @Override
        public FileTree context(Path directory, IgnorePatterns ignore) throws IOException {
          return files.context(directory, ignore);
        }

        @Override
        public FileTree layers(BlobStore blobs, List<Descriptor> layers) throws IOException {
          rootfsOpened.incrementAndGet();
          return files.layers(blobs, layers);
        }
      };
      BuildEnvironment env = new BuildEnvironment(store, counting, files, Optional.empty(), ImagePuller.offline(),
          progress, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
      return new ImageBuilder(env).build(BuildRequest.of(dockerfile.getBytes(StandardCharsets.UTF_8), context));
    }
  }

  /** The outcome of the Dockerfile's last step when built now: CACHED or DONE. */
  private String lastStep(String dockerfile) throws IOException {
    RecordingProgress progress = new RecordingProgress();
    build(dockerfile, progress);
    String last = progress.lines.stream().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElseThrow();
    return last.substring(last.lastIndexOf(' ') + 1);
  }

  @Test
  void aNoOpRebuildIsCachedWithoutReadingALayer() throws IOException {
    BuiltImage first = build(DOCKERFILE, new RecordingProgress());
    assertNotEquals(0, rootfsOpened.get());
    RecordingProgress progress = new RecordingProgress();
    BuiltImage again = build(DOCKERFILE, progress);
    assertEquals(3, progress.outcomes("CACHED").size(), progress.lines.toString());
    assertEquals(0, rootfsOpened.get(), "a cached step opens no root filesystem");
    assertEquals(first.manifestDescriptor(), again.manifestDescriptor());
  }

  @Test
  void contentModeAndNamesMissTimesDoNot() throws IOException {
    assertEquals("DONE", lastStep(DOCKERFILE));
    Files.setLastModifiedTime(context.resolve("src/lib/a.txt"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
    Files.writeString(context.resolve("unrelated.txt"), "not copied");
    assertEquals("CACHED", lastStep(DOCKERFILE));
    Files.writeString(context.resolve("src/lib/a.txt"), "lib, changed");
    assertEquals("DONE", lastStep(DOCKERFILE));
    Files.setPosixFilePermissions(context.resolve("src/lib/a.txt"), PosixFilePermissions.fromString("rwx------"));
    assertEquals("DONE", lastStep(DOCKERFILE));
    assertEquals("CACHED", lastStep(DOCKERFILE));
    Files.move(context.resolve("src/lib/a.txt"), context.resolve("src/lib/b.txt"));
    assertEquals("DONE", lastStep(DOCKERFILE));
    Files.createSymbolicLink(context.resolve("src/link"), Path.of("hello.sh"));
    assertEquals("DONE", lastStep(DOCKERFILE));
  }

  @Test
  void ownerAndDestinationMiss() throws IOException {
    assertEquals("DONE", lastStep(DOCKERFILE));
    assertEquals("DONE", lastStep(DOCKERFILE.replace("COPY src/", "COPY --chown=1000:1000 src/")));
    assertEquals("DONE", lastStep(DOCKERFILE.replace("COPY src/", "COPY --chmod=700 src/")));
    assertEquals("DONE", lastStep(DOCKERFILE.replace("./src/", "./source/")));
    assertEquals("CACHED", lastStep(DOCKERFILE.replace("COPY src/", "COPY --chown=1000:1000 src/")));
  }

  @Test
  void undoingAChangeFindsTheFirstImageAgain() throws IOException {
    BuiltImage first = build(DOCKERFILE, new RecordingProgress());
    Files.writeString(context.resolve("src/hello.sh"), "echo changed");
    BuiltImage changed = build(DOCKERFILE, new RecordingProgress());
    assertNotEquals(first.manifestDescriptor(), changed.manifestDescriptor());
    Files.writeString(context.resolve("src/hello.sh"), "echo hello");
    assertEquals(first.manifestDescriptor(), build(DOCKERFILE, new RecordingProgress()).manifestDescriptor());
  }

  @Test
  void aCopyFromAStageFollowsThatStagesContent() throws IOException {
    String dockerfile = "FROM scratch AS build\nCOPY src/ /out/\nFROM scratch\nCOPY --from=build /out/lib /lib/\n";
    assertEquals("DONE", lastStep(dockerfile));
    Files.writeString(context.resolve("src/hello.sh"), "echo changed"); // the stage changes, /out/lib does not
    assertEquals("CACHED", lastStep(dockerfile));
    Files.writeString(context.resolve("src/lib/a.txt"), "lib, changed");
    assertEquals("DONE", lastStep(dockerfile));
  }
}
