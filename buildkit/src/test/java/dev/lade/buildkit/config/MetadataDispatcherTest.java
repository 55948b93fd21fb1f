package dev.lade.buildkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.oci.image.ContainerConfig;
import dev.lade.oci.image.History;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.platform.Platform;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetadataDispatcherTest {
  private static final Platform LINUX = Platform.of("linux", "amd64");

  /** Applies a stage's instructions (no variables in them) to a scratch image. */
  private static StageImage apply(String instructions) {
    Dockerfile d = Dockerfile.parse(("FROM scratch\n" + instructions).getBytes(StandardCharsets.UTF_8));
    StageImage image = StageImage.scratch(LINUX, Instant.EPOCH, true);
    for (Instruction i : d.stages().get(0).instructions()) MetadataDispatcher.apply(image, i);
    return image;
  }

  private static List<String> history(StageImage image) {
    return image.toConfig(LINUX).history().stream().map(History::createdBy).toList();
  }

  @Test
  void scratchStartsAsBuildKitDoes() {
    ContainerConfig c = StageImage.scratch(LINUX, Instant.EPOCH, true).config();
    assertEquals("/", c.workingDir());
    assertEquals(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), c.env());
  }

  @Test
  void envReplacesInPlaceAndIsRecorded() {
    StageImage image = apply("ENV A=1 B=2\nENV PATH=/bin A=3\n");
    assertEquals(List.of("PATH=/bin", "A=3", "B=2"), image.config().env());
    assertEquals(List.of("ENV A=1 B=2", "ENV PATH=/bin A=3"), history(image));
    assertTrue(image.toConfig(LINUX).history().stream().allMatch(History::emptyLayer));
  }

  @Test
  void shellFormCommandsUseShellAndCmdIsQuotedAsGo() {
    StageImage image = apply("SHELL [\"/bin/bash\", \"-c\"]\nCMD echo \"hi\"\n");
    assertEquals(List.of("/bin/bash", "-c", "echo \"hi\""), image.config().cmd());
    assertTrue(image.config().argsEscaped());
    assertEquals(List.of("SHELL [/bin/bash -c]", "CMD [\"/bin/bash\" \"-c\" \"echo \\\"hi\\\"\"]"), history(image));
  }

  @Test
  void entrypointResetsAnInheritedCmdButKeepsOneSetInTheStage() {
    StageImage base = StageImage.of(ImageConfig.builder(LINUX)
        .config(ContainerConfig.builder().cmd(List.of("sh")).build()).build(), List.of(), Instant.EPOCH, true);
    Dockerfile d = Dockerfile.parse("FROM x\nENTRYPOINT [\"/app\"]\n".getBytes(StandardCharsets.UTF_8));
    MetadataDispatcher.apply(base, d.stages().get(0).instructions().get(0));
    assertEquals(List.of(), base.config().cmd());
    StageImage kept = apply("CMD [\"--help\"]\nENTRYPOINT [\"/app\"]\n");
    assertEquals(List.of("--help"), kept.config().cmd());
    assertEquals(List.of("/app"), kept.config().entrypoint());
  }

  @Test
  void healthcheckAsDocumentedAndRecordedWithGoFormatting() {
    StageImage image = apply("HEALTHCHECK --interval=5m --timeout=3s CMD curl -f http://localhost/ || exit 1\n");
    var h = image.config().healthcheck();
    assertEquals(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"), h.test());
    assertEquals("HEALTHCHECK {Test:[CMD-SHELL curl -f http://localhost/ || exit 1] Interval:5m0s Timeout:3s "
        + "StartPeriod:0s StartInterval:0s Retries:0}", history(image).get(0));
    assertEquals(List.of("NONE"), apply("HEALTHCHECK NONE\n").config().healthcheck().test());
  }

  @Test
  void exposeDefaultsToTcpAndExpandsRanges() {
    StageImage image = apply("EXPOSE 80 53/udp 8000-8002/TCP\n");
    assertEquals(Set.of("80/tcp", "53/udp", "8000/tcp", "8001/tcp", "8002/tcp"), image.config().exposedPorts());
    var e = assertThrows(DockerfileParseException.class, () -> apply("EXPOSE 80/xyz\n"));
    assertEquals("Dockerfile:2: invalid proto: xyz", e.getMessage());
  }

  @Test
  void labelsAccumulateAndUserVolumeStopSignalAreSet() {
    StageImage image = apply("LABEL a=1 b=2\nLABEL a=3\nUSER app:staff\nVOLUME /data /logs\nSTOPSIGNAL SIGTERM\n");
    assertEquals(Map.of("a", "3", "b", "2"), image.config().labels());
    assertEquals("app:staff", image.config().user());
    assertEquals(Set.of("/data", "/logs"), image.config().volumes());
    assertEquals("SIGTERM", image.config().stopSignal());
    assertEquals(List.of("LABEL a=1 b=2", "LABEL a=3", "USER app:staff", "VOLUME [/data /logs]", "STOPSIGNAL SIGTERM"),
        history(image));
    assertThrows(DockerfileParseException.class, () -> apply("STOPSIGNAL SIGNOPE\n"));
  }

  @Test
  void onbuildIsStoredWithoutHistoryAndArgIsRecorded() {
    StageImage image = apply("ONBUILD RUN make\nARG A=1 B\nMAINTAINER me\n");
    assertEquals(List.of("RUN make"), image.config().onBuild());
    assertEquals(List.of("ARG A=1 B", "MAINTAINER me"), history(image));
    assertEquals("me", image.toConfig(LINUX).author());
  }

  @Test
  void aChildStageDropsTheOnbuildTriggers() {
    StageImage image = apply("ONBUILD RUN make\n");
    assertEquals(List.of(), image.child().config().onBuild());
  }
}
