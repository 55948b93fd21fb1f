package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.parser.DockerfileParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample Dockerfiles in {@code testdata/dockerfiles}, which the README and CLI tests use. */
class SampleDockerfilesTest {
  private static Dockerfile sample(String name) throws IOException {
    return Dockerfile.parse(Files.readAllBytes(path(name)));
  }

  private static Path path(String name) {
    return Path.of(System.getProperty("lade.repo", ".."), "testdata/dockerfiles", name, "Dockerfile");
  }

  @Test
  void hello() throws IOException {
    Dockerfile d = sample("hello");
    assertEquals(2, d.metaArgs().size());
    assertEquals(List.of(Optional.of("build"), Optional.of("runtime")),
        d.stages().stream().map(Stage::name).toList());
    List<String> kinds = d.lastStage().instructions().stream().map(Instruction::keyword).toList();
    assertEquals(List.of("LABEL", "RUN", "COPY", "COPY", "USER", "WORKDIR", "EXPOSE", "VOLUME",
        "HEALTHCHECK", "STOPSIGNAL", "ENTRYPOINT", "CMD"), kinds);
    Copy motd = (Copy) d.lastStage().instructions().get(3);
    assertEquals(List.of(new InlineFile("EOF", "Hello from lade!\n", true)), motd.inlineSources());
  }

  @Test
  void servicesUsesEveryMountType() throws IOException {
    Dockerfile d = sample("services");
    List<String> types = d.stages().get(0).instructions().stream()
        .flatMap(i -> ((Run) i).mounts().stream()).map(Mount::type).toList();
    assertEquals(List.of("bind", "cache", "secret", "secret", "ssh", "tmpfs"), types);
    assertEquals("deps", d.lastStage().baseImage());
    assertEquals(true, assertInstanceOf(Healthcheck.class, d.lastStage().instructions().get(6)).isNone());
  }

  @Test
  void onbuildBase() throws IOException {
    Dockerfile d = sample("onbuild-base");
    long triggers = d.lastStage().instructions().stream().filter(Onbuild.class::isInstance).count();
    assertEquals(3, triggers);
  }

  @Test
  void badMountIsLocated() {
    DockerfileParseException e = assertThrows(DockerfileParseException.class, () -> sample("bad-mount"));
    assertEquals(3, e.line());
    assertEquals(13, e.column());
  }
}
