package dev.lade.buildkit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.remote.ImagePuller;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY's bad input fails in one line located at the COPY, as BuildKit's errors are. */
class BadCopyInputTest {
  @TempDir Path tmp;
  private Path context;

  @BeforeEach
  void context() throws IOException {
    context = Files.createDirectories(tmp.resolve("context"));
    Files.writeString(context.resolve("a.txt"), "a\n");
    Files.writeString(context.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(context.resolve("group"), "root:x:0:\n");
    Files.createSymbolicLink(context.resolve("out"), Path.of("/etc/passwd"));
  }

  private RuntimeException fails(String dockerfile) throws IOException {
    BuildRequest request = BuildRequest.of(dockerfile.getBytes(StandardCharsets.UTF_8), context);
    RuntimeException e;
    try (StandardFileSystems files = StandardFileSystems.open(tmp.resolve("fs"), tmp.resolve("sums"))) {
      BuildEnvironment env = new BuildEnvironment(OciLayoutStore.open(tmp.resolve("store")), files, files,
          Optional.empty(), ImagePuller.offline(), new RecordingProgress(), Clock.systemUTC());
      e = assertThrows(RuntimeException.class, () -> new ImageBuilder(env).build(request));
    }
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e;
  }

  @Test
  void unknownChownNames() throws IOException {
    String user = fails("FROM scratch\nCOPY passwd group /etc/\nCOPY --chown=nobody-here a.txt /a\n").getMessage();
    assertTrue(user.startsWith("Dockerfile:3: ") && user.contains("nobody-here"), user);
    String group = fails("FROM scratch\nCOPY passwd group /etc/\n\nCOPY --chown=root:no-group a.txt /a\n").getMessage();
    assertTrue(group.startsWith("Dockerfile:4: ") && group.contains("no-group"), group);
    String noPasswd = fails("FROM scratch\nLABEL a=b\nCOPY --chown=someone a.txt /a\n").getMessage();
    assertTrue(noPasswd.startsWith("Dockerfile:3: "), noPasswd);
  }

  /** A --from that names no stage is an image, as in BuildKit; when there is none, a near stage name is suggested. */
  @Test
  void unknownStagesAndImagesAreLocatedWithAHint() throws IOException {
    String stage = fails("FROM scratch AS build\nFROM scratch\nCOPY --from=biuld /x /x\n").getMessage();
    assertTrue(stage.startsWith("Dockerfile:3: biuld: failed to resolve source metadata for docker.io/library/biuld:latest: "),
        stage);
    assertTrue(stage.endsWith(" (did you mean build?)"), stage);
    String from = fails("FROM scratch AS build\nLABEL a=b\nFROM busybx\n").getMessage();
    assertTrue(from.startsWith("Dockerfile:3: busybx: failed to resolve source metadata for docker.io/library/busybx:latest"),
        from);
    assertTrue(from.endsWith(" (did you mean busybox?)"), from);
  }

  @Test
  void badChmod() throws IOException {
    String message = fails("FROM scratch\nCOPY --chmod=99z a.txt /a\n").getMessage();
    assertTrue(message.startsWith("Dockerfile:2: "), message);
  }

  @Test
  void missingSourcesAndPathsLeavingTheContext() throws IOException {
    String missing = fails("FROM scratch\nCOPY nothing.txt /n\n").getMessage();
    assertTrue(missing.startsWith("Dockerfile:2: ") && missing.contains("nothing.txt"), missing);
    String outside = fails("FROM scratch\n\nCOPY ../a.txt /n\n").getMessage();
    assertTrue(outside.startsWith("Dockerfile:3: "), outside);
  }
}
