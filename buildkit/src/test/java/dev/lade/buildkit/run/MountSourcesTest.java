package dev.lade.buildkit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.dockerfile.ignore.IgnoreFiles;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountSourcesTest {
  @TempDir Path work;

  private ContextTree context() throws IOException {
    Path ctx = Files.createDirectories(work.resolve("ctx"));
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
    Files.writeString(ctx.resolve(".dockerignore"), "secret.txt\n");
    Files.writeString(ctx.resolve("secret.txt"), "ignored");
    Files.createDirectories(ctx.resolve("src/lib"));
    Files.writeString(ctx.resolve("src/main.c"), "int main;");
    Files.writeString(ctx.resolve("src/lib/run.sh"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(ctx.resolve("src/lib/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(ctx.resolve("src/link"), Path.of("main.c"));
    return ContextTree.open(ctx, IgnoreFiles.load(ctx, ctx.resolve("Dockerfile")));
  }

  @Test
  void writesTheWholeContextWithoutIgnoredFiles() throws IOException {
    Path dest = work.resolve("out");
    MountSources.write(context(), "", dest);
    assertEquals("int main;", Files.readString(dest.resolve("src/main.c")));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("src/lib/run.sh"))));
    assertEquals(Path.of("main.c"), Files.readSymbolicLink(dest.resolve("src/link")));
    assertTrue(Files.exists(dest.resolve("Dockerfile")));
    assertTrue(Files.notExists(dest.resolve("secret.txt")), ".dockerignore'd files stay out of a bind mount");
  }

  @Test
  void writesASubdirectoryOrASingleFile() throws IOException {
    ContextTree tree = context();
    MountSources.write(tree, "/src/lib/", work.resolve("lib"));
    assertEquals(List.of("run.sh"), List.of(work.resolve("lib").toFile().list()));
    MountSources.write(tree, "src/main.c", work.resolve("main.c"));
    assertEquals("int main;", Files.readString(work.resolve("main.c")));
  }

  @Test
  void checksumFollowsContents() throws IOException {
    ContextTree tree = context();
    var before = MountSources.checksum(tree, "src");
    assertEquals(before, MountSources.checksum(tree, "src"));
    Files.writeString(work.resolve("ctx/src/main.c"), "int main(void);");
    assertNotEquals(before, MountSources.checksum(tree, "src"));
    assertEquals(MountSources.checksum(tree, ""), MountSources.checksum(tree, "/"));
  }

  @Test
  void missingSourceIsNamed() throws IOException {
    ContextTree tree = context();
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> MountSources.entries(tree, "nope"));
    assertEquals("nope", e.getFile());
    assertTrue(MountSources.entries(tree, "src").stream().anyMatch(x -> x instanceof LayerEntry.Symlink));
  }
}
