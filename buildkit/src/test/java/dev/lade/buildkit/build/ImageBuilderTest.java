package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.buildkit.run.RunResult;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.oci.image.Compression;
import dev.lade.oci.image.History;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {
  @TempDir Path tmp;

  private BuiltImage build(OciLayoutStore store, RecordingProgress progress, BuildRequest request,
      Optional<dev.lade.buildkit.run.RunExecutor> runner) throws IOException {
    return build(store, progress, request, runner, Instant.parse("2026-01-02T03:04:05Z"));
  }

  private BuiltImage build(OciLayoutStore store, RecordingProgress progress, BuildRequest request,
      Optional<dev.lade.buildkit.run.RunExecutor> runner, Instant now) throws IOException {
    try (StandardFileSystems files = StandardFileSystems.open(tmp.resolve("scratch"), tmp.resolve("checksums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files, runner,
          ImagePuller.offline(), progress, Clock.fixed(now, ZoneOffset.UTC));
      return new ImageBuilder(env).build(request);
    }
  }

  private BuildRequest request(String dockerfile) {
    return BuildRequest.of(dockerfile.getBytes(StandardCharsets.UTF_8), tmp);
  }

  private static List<String> history(BuiltImage image) {
    return image.config().value().history().stream().map(History::createdBy).toList();
  }

  @Test
  void workdirMakesALayerAndASecondBuildIsCached() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    String dockerfile = "FROM scratch\nUSER 1000:1000\nWORKDIR /app/src\nWORKDIR ..\nWORKDIR /\n";
    RecordingProgress first = new RecordingProgress();
    BuiltImage image = build(store, first, request(dockerfile), Optional.empty());
    ImageConfig config = image.config().value();
    assertEquals("/", config.config().workingDir());
    assertEquals(List.of("USER 1000:1000", "WORKDIR /app/src", "WORKDIR /app", "WORKDIR /"), history(image));
    assertEquals(List.of(true, false, false, true), config.history().stream().map(History::emptyLayer).toList());
    assertEquals(2, image.manifest().value().layers().size());
    List<LayerEntry> entries = entries(store, image, 0);
    assertEquals(List.of("app", "app/src"), entries.stream().map(LayerEntry::path).toList());
    EntryMetadata src = ((LayerEntry.Directory) entries.get(1)).metadata();
    assertEquals(0755, src.mode());
    assertEquals(1000, src.uid());
    assertEquals(List.of("[1/3] WORKDIR /app/src -> DONE", "[2/3] WORKDIR .. -> DONE"), first.outcomes("DONE").subList(1, 3));

    RecordingProgress second = new RecordingProgress();
    BuiltImage again = build(store, second, request(dockerfile), Optional.empty());
    assertEquals(2, second.outcomes("CACHED").size());
    assertEquals(image.manifest().value().layers(), again.manifest().value().layers());
    RecordingProgress noCache = new RecordingProgress();
    build(store, noCache, request(dockerfile).withNoCache(true), Optional.empty());
    assertEquals(List.of(), noCache.outcomes("CACHED"));
  }

  /**
   * As BuildKit (checked with dockerd 20.10: two builds, one image ID): a layer is dated by when its
   * step first made it, a metadata step by the layer before it (before any, the first new one), the
   * image by its last entry; so a rebuild from the cache is the same image, and --no-cache is not.
   */
  @Test
  void aRebuildFromTheCacheIsTheSameImage() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    String dockerfile = "FROM scratch\nENV A=1\nWORKDIR /app\nLABEL b=2\nWORKDIR /app/src\nCMD [\"x\"]\n";
    Instant first = Instant.parse("2026-01-02T03:04:05Z");
    Instant second = Instant.parse("2026-01-02T03:04:06Z");
    BuiltImage image = build(store, new RecordingProgress(), request(dockerfile), Optional.empty(), first);
    Instant later = Instant.parse("2026-02-01T00:00:00Z");
    BuiltImage again = build(store, new RecordingProgress(), request(dockerfile), Optional.empty(), later);
    assertEquals(image.manifestDescriptor().digest(), again.manifestDescriptor().digest());
    List<String> times = again.config().value().history().stream().map(History::created).toList();
    assertEquals(java.util.Collections.nCopies(5, "2026-01-02T03:04:05Z"), times);
    assertEquals(first, again.config().value().createdTime().orElseThrow());

    BuiltImage rebuilt = build(store, new RecordingProgress(), request(dockerfile).withNoCache(true),
        Optional.empty(), second);
    assertEquals(second, rebuilt.config().value().createdTime().orElseThrow());
  }

  /**
   * ARG's history entry names the value in effect (a build argument's, else the global ARG's, else
   * the expanded default), as current BuildKit's dispatchArg writes it (dockerd 20.10's older
   * BuildKit wrote the declaration as given); that value reaches the environment of later steps.
   */
  @Test
  void argHistoryHoldsTheValueInEffectWhichReachesLaterSteps() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    String dockerfile = "ARG G=global\nFROM scratch\nARG G\nARG GIVEN=default\nARG PLAIN=de${G}\nARG NONE\n"
        + "ENV SEEN=$G/$GIVEN/$PLAIN/$NONE\n";
    BuiltImage image = build(store, new RecordingProgress(),
        request(dockerfile).withBuildArgs(Map.of("GIVEN", "cli")), Optional.empty());
    assertEquals(List.of("ARG G=global", "ARG GIVEN=cli", "ARG PLAIN=deglobal", "ARG NONE", "ENV SEEN=global/cli/deglobal/"),
        history(image));
  }

  @Test
  void runFailsLocatedUntilARunnerIsWired() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    var e = assertThrows(StepFailedException.class,
        () -> build(store, new RecordingProgress(), request("FROM scratch\nENV A=1\nRUN echo hi\n"), Optional.empty()));
    assertEquals("Dockerfile:3: RUN is not supported yet (lade's runner is not wired in)", e.getMessage());
  }

  @Test
  void runGoesToTheExecutorWithShellEnvAndBuildArgs() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    List<dev.lade.buildkit.run.RunRequest> seen = new ArrayList<>();
    BuiltImage image = build(store, new RecordingProgress(),
        request("FROM scratch\nARG V=1\nENV E=2\nRUN echo $V\n").withBuildArgs(Map.of("V", "3")),
        Optional.of((r, output) -> {
          seen.add(r);
          return new RunResult(0, List.of(new LayerEntry.Directory("made", EntryMetadata.root(0755))));
        }));
    assertEquals(List.of("/bin/sh", "-c", "echo $V"), seen.get(0).args());
    assertTrue(seen.get(0).env().containsAll(List.of("V=3", "E=2")), seen.get(0).env().toString());
    assertEquals("RUN |1 V=3 /bin/sh -c echo $V # buildkit", history(image).get(2));
    var failed = assertThrows(StepFailedException.class, () -> build(store, new RecordingProgress(),
        request("FROM scratch\nRUN false\n"), Optional.of((r, output) -> new RunResult(1, List.of()))));
    assertEquals("Dockerfile:2: process \"/bin/sh -c false\" did not complete successfully: exit code: 1",
        failed.getMessage());
  }

  @Test
  void stagesTargetsAndOnbuildTriggersOfABaseStage() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    String dockerfile = """
        FROM scratch AS base
        LABEL from=base
        ONBUILD LABEL trigger=ran
        FROM base AS child
        LABEL child=1
        FROM scratch AS other
        LABEL other=1
        """;
    BuiltImage child = build(store, new RecordingProgress(), request(dockerfile).withTarget("child"), Optional.empty());
    assertEquals(Map.of("from", "base", "trigger", "ran", "child", "1"), child.config().value().config().labels());
    assertEquals(List.of(), child.config().value().config().onBuild());
    BuiltImage base = build(store, new RecordingProgress(), request(dockerfile).withTarget("base"), Optional.empty());
    assertEquals(List.of("LABEL trigger=ran"), base.config().value().config().onBuild());
    var e = assertThrows(dev.lade.buildkit.graph.UnknownTargetException.class,
        () -> build(store, new RecordingProgress(), request(dockerfile).withTarget("nope"), Optional.empty()));
    assertTrue(e.getMessage().contains("target stage \"nope\" could not be found"), e.getMessage());
  }

  @Test
  void baseImagesComeFromTheStoreWithTheirHistoryAndTriggers() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    BuiltImage base = build(store, new RecordingProgress(),
        request("FROM scratch\nENV X=1\nWORKDIR /w\nONBUILD ENV Y=2\n"), Optional.empty());
    store.refs().put(Reference.parse("example.com/base:1"), base.manifestDescriptor());
    RecordingProgress progress = new RecordingProgress();
    BuiltImage child = build(store, progress, request("FROM example.com/base:1\nLABEL a=b\n"), Optional.empty());
    ImageConfig config = child.config().value();
    assertEquals(List.of("ENV X=1", "WORKDIR /w", "ENV Y=2", "LABEL a=b"), history(child));
    assertEquals("/w", config.config().workingDir());
    assertTrue(config.config().env().contains("Y=2"));
    assertEquals(base.manifest().value().layers(), child.manifest().value().layers());
    assertTrue(progress.lines.stream().anyMatch(l -> l.startsWith("[1/1] FROM example.com/base:1@sha256:")), progress.lines.toString());
  }

  @Test
  void sourceDateEpochMakesBuildsReproducibleAcrossStores() throws IOException {
    String dockerfile = "FROM scratch\nWORKDIR /app\nLABEL a=b\n";
    Instant epoch = Instant.ofEpochSecond(1_700_000_000L);
    BuiltImage one = build(OciLayoutStore.open(tmp.resolve("one")), new RecordingProgress(),
        request(dockerfile).withSourceDateEpoch(epoch), Optional.empty());
    BuiltImage two = build(OciLayoutStore.open(tmp.resolve("two")), new RecordingProgress(),
        request(dockerfile).withBuildArgs(Map.of("SOURCE_DATE_EPOCH", "1700000000")), Optional.empty());
    assertEquals(one.manifestDescriptor(), two.manifestDescriptor());
    assertEquals("2023-11-14T22:13:20Z", one.config().value().created());
    BuiltImage unclamped = build(OciLayoutStore.open(tmp.resolve("three")), new RecordingProgress(),
        request(dockerfile), Optional.empty());
    assertNotEquals(one.manifestDescriptor(), unclamped.manifestDescriptor());
  }

  /** Layers are written at step time, so their settings are part of the cache entry. */
  @Test
  void aLayerCachedWithOtherCompressionOrTimesIsNotReused() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(tmp.resolve("store"));
    String dockerfile = "FROM scratch\nWORKDIR /app\n";
    build(store, new RecordingProgress(), request(dockerfile), Optional.empty());
    BuildRequest r = request(dockerfile);
    RecordingProgress zstdProgress = new RecordingProgress();
    BuiltImage zstd = build(store, zstdProgress, new BuildRequest(r.dockerfile(), r.dockerfileName(), r.dockerfilePath(),
        r.context(), r.buildArgs(), r.target(), r.platform(), r.labels(), false, false, Compression.ZSTD,
        Optional.empty()), Optional.empty());
    assertEquals(List.of(), zstdProgress.outcomes("CACHED"));
    assertEquals(MediaType.OCI_LAYER_ZSTD, zstd.manifest().value().layers().get(0).mediaType());
    Instant epoch = Instant.ofEpochSecond(1_700_000_000L);
    BuiltImage clamped = build(store, new RecordingProgress(), request(dockerfile).withSourceDateEpoch(epoch),
        Optional.empty());
    BuiltImage fresh = build(OciLayoutStore.open(tmp.resolve("fresh")), new RecordingProgress(),
        request(dockerfile).withSourceDateEpoch(epoch), Optional.empty());
    assertEquals(fresh.manifestDescriptor(), clamped.manifestDescriptor());
  }

  private static List<LayerEntry> entries(OciLayoutStore store, BuiltImage image, int layer) throws IOException {
    List<LayerEntry> out = new ArrayList<>();
    try (LayerReader reader = new LayerReader(store.blobs().open(image.manifest().value().layers().get(layer).digest()))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) out.add(e);
    }
    return out;
  }
}
