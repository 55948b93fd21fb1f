package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.testing.RealFileSystems;
import dev.lade.oci.image.History;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SOURCE_DATE_EPOCH, the same Dockerfile and context give the same manifest digest in any
 * store, at any time, whatever the context files' modification times (when later than the epoch,
 * as after a checkout): BuildKit clamps file times and sets {@code created} from it.
 */
class ReproducibleBuildTest {
  private static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000L);
  private static final String DOCKERFILE = """
      FROM scratch
      COPY . /src/
      WORKDIR /work
      LABEL built=reproducibly
      """;

  @TempDir Path tmp;

  private BuiltImage build(String name, Instant mtime, Instant clock, Optional<Instant> epoch) throws IOException {
    Path context = context(tmp.resolve(name + "-context"), mtime);
    RealFileSystems files = new RealFileSystems(tmp.resolve(name + "-fs"));
    BuildEnvironment env = new BuildEnvironment(OciLayoutStore.open(tmp.resolve(name + "-store")), files, files,
        Optional.empty(), ImagePuller.offline(), new RecordingProgress(),
        Clock.fixed(clock, ZoneOffset.UTC));
    BuildRequest request = BuildRequest.of(DOCKERFILE.getBytes(StandardCharsets.UTF_8), context);
    return new ImageBuilder(env).build(epoch.map(request::withSourceDateEpoch).orElse(request));
  }

  private static Path context(Path dir, Instant mtime) throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(dir.resolve("app.sh"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(dir.resolve("app.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("lib/data.txt"), "data\n");
    Files.setPosixFilePermissions(dir.resolve("lib/data.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(dir.resolve("link"), Path.of("lib/data.txt"));
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) Files.setLastModifiedTime(p, FileTime.from(mtime));
      }
    }
    return dir;
  }

  @Test
  void sameDigestAcrossStoresTimesAndContextMtimes() throws IOException {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    BuiltImage one = build("one", now, now, Optional.of(EPOCH));
    BuiltImage two = build("two", now.plusSeconds(86_400), now.plusSeconds(90_000), Optional.of(EPOCH));

    assertEquals(one.manifestDescriptor(), two.manifestDescriptor());
    assertEquals("2023-11-14T22:13:20Z", one.config().value().created());
    assertTrue(one.config().value().history().stream().map(History::created).allMatch("2023-11-14T22:13:20Z"::equals),
        one.config().value().history().toString());
    assertEquals(2, one.manifest().value().layers().size(), "COPY and WORKDIR made layers");
  }

  @Test
  void withoutTheEpochContextMtimesAndTimeChangeTheDigest() throws IOException {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    BuiltImage one = build("one", now, now, Optional.empty());
    BuiltImage laterFiles = build("two", now.plusSeconds(86_400), now, Optional.empty());

    assertNotEquals(one.manifest().value().layers().get(0), laterFiles.manifest().value().layers().get(0));
  }
}
