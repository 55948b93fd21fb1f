package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps are named as BuildKit's dockerfile2llb names its vertices ({@code prefixCommand}): {@code
 * [stage k/n]} where n is the stage's FROM (of an image) plus its ADD, COPY, RUN and WORKDIR, and
 * the stage name shows when the build has more than one state.
 */
class StepNamesTest {
  @TempDir Path tmp;
  private OciLayoutStore store;
  private String baseDigest;

  @BeforeEach
  void base() throws IOException {
    store = OciLayoutStore.open(tmp.resolve("store"));
    BuiltImage base = build("FROM scratch\nWORKDIR /base\n");
    store.refs().put(Reference.parse("example.com/base:1"), base.manifestDescriptor());
    BuiltImage triggers = build("FROM example.com/base:1\nONBUILD WORKDIR /t\nONBUILD ENV Y=2\n");
    store.refs().put(Reference.parse("example.com/triggers:1"), triggers.manifestDescriptor());
    baseDigest = base.manifestDescriptor().digest().toString();
  }

  private RecordingProgress progress;

  private BuiltImage build(String dockerfile) throws IOException {
    progress = new RecordingProgress();
    try (StandardFileSystems files = StandardFileSystems.open(tmp.resolve("fs"), tmp.resolve("sums"))) {
      BuildEnvironment env = new BuildEnvironment(store, files, files, java.util.Optional.empty(),
          ImagePuller.offline(), progress, Clock.systemUTC());
      return new ImageBuilder(env).build(BuildRequest.of(dockerfile.getBytes(StandardCharsets.UTF_8), tmp));
    }
  }

  /** The steps but BuildKit's internal ones, in the order they finished. */
  private List<String> numbered() {
    return progress.lines.stream().filter(l -> !l.startsWith("[internal]"))
        .map(l -> l.substring(0, l.lastIndexOf(" -> "))).toList();
  }

  @Test
  void theImageFromCountsAsTheFirstStep() throws IOException {
    build("FROM example.com/base:1\nENV A=1\nWORKDIR /a\n");
    assertEquals(List.of("[1/2] FROM example.com/base:1@" + baseDigest, "[2/2] WORKDIR /a"), numbered());
  }

  @Test
  void stagesAreNamedAndNumberedOnTheirOwn() throws IOException {
    build("""
        FROM scratch
        WORKDIR /unused
        FROM example.com/base:1 AS build
        WORKDIR /src
        WORKDIR /out
        FROM build
        WORKDIR /final
        """);
    List<String> steps = numbered();
    assertEquals(List.of("[build 1/3] FROM example.com/base:1@" + baseDigest, "[build 2/3] WORKDIR /src",
        "[build 3/3] WORKDIR /out", "[stage-2 1/1] WORKDIR /final"), steps);
  }

  @Test
  void theCounterIsPaddedToTheTotalsWidth() throws IOException {
    StringBuilder dockerfile = new StringBuilder("FROM scratch\n");
    for (int i = 1; i <= 10; i++) dockerfile.append("WORKDIR /d").append(i).append('\n');
    build(dockerfile.toString());
    assertEquals("[ 1/10] WORKDIR /d1", numbered().get(0));
    assertEquals("[10/10] WORKDIR /d10", numbered().get(9));
  }

  /**
   * BuildKit names the FROM before it adds the base's triggers to the total, then counts every
   * trigger, ENV included, though only some make a vertex.
   */
  @Test
  void onbuildTriggersCountAfterTheFromIsNamed() throws IOException {
    build("FROM example.com/triggers:1\nWORKDIR /c\n");
    List<String> steps = numbered();
    assertEquals(List.of("[2/4] ONBUILD WORKDIR /t", "[3/4] WORKDIR /c"), steps.subList(1, 3));
    assertEquals("[1/2] FROM example.com/triggers:1@", steps.get(0).substring(0, steps.get(0).indexOf('@') + 1));
  }

  /** The image gets a state of its own, whose FROM shows unnumbered, once. */
  @Test
  void anImageSourceMakesTheOneStageNamed() throws IOException {
    build("FROM scratch\nCOPY --from=example.com/base:1 /base /b\nCOPY --from=example.com/base:1 /base /c\n");
    assertEquals(List.of("FROM example.com/base:1@" + baseDigest, "[stage-0 1/2] COPY --from=example.com/base:1 /base /b",
        "[stage-0 2/2] COPY --from=example.com/base:1 /base /c"), numbered());
  }

  @Test
  void aBaseWithoutLayersShowsNoFromButCountsIt() throws IOException {
    BuiltImage empty = build("FROM scratch\nLABEL empty=yes\n");
    store.refs().put(Reference.parse("example.com/empty:1"), empty.manifestDescriptor());
    build("FROM example.com/empty:1\nWORKDIR /w\n");
    assertEquals(List.of("[1/2] WORKDIR /w"), numbered());
  }
}
