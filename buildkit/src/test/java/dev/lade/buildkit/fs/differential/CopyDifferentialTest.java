package dev.lade.buildkit.fs.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.copy.DockerCopier;
import dev.lade.buildkit.fs.layers.LayerStackTree;
import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Workdir;
import dev.lade.dockerfile.ignore.IgnoreFiles;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds testdata/build/copy-basic with the real BuildKit (dockerd 20.10) and compares every
 * COPY/ADD layer, path by path (type, mode, owner, content, link target, file mtime), with what
 * {@link DockerCopier} makes from the same context on top of the same lower layers.
 */
class CopyDifferentialTest {
  @TempDir Path work;

  @Test
  void layersMatchBuildKit() throws IOException {
    String unavailable = DockerDaemon.unavailableReason();
    assumeTrue(unavailable == null, unavailable);
    Path context = CopyContexts.prepare("copy-basic", work.resolve("context"));
    DockerDaemon docker = DockerDaemon.shared();
    docker.importRootfs(BusyboxRootfs.writeTar(work.resolve("rootfs.tar")), "lade-copy-base");
    docker.build(context, context.resolve("Dockerfile"), "lade-copy-basic");
    docker.save(work.resolve("saved.tar"), "lade-copy-basic");

    OciLayoutStore store = OciLayoutStore.open(work.resolve("store"));
    DockerImageLayers image = DockerImageLayers.read(work.resolve("saved.tar"), store.blobs());
    ContextTree tree = ContextTree.open(context, IgnoreFiles.load(context, context.resolve("Dockerfile")));
    DockerCopier copier = new DockerCopier(Files.createDirectories(work.resolve("scratch")));

    List<Instruction> steps = Dockerfile.parse(Files.readAllBytes(context.resolve("Dockerfile")))
        .stages().get(0).instructions();
    int layer = 1; // layer 0 is the imported base
    String workdir = "/";
    int compared = 0;
    for (Instruction step : steps) {
      if (step instanceof Workdir w) {
        workdir = w.path().startsWith("/") ? w.path() : workdir + "/" + w.path();
        if (layer < image.createdBy().size() && image.createdBy().get(layer).startsWith("WORKDIR")) layer++;
        continue;
      }
      if (!(step instanceof Copy) && !(step instanceof Add)) continue;
      assertTrue(image.createdBy().get(layer).startsWith(step.keyword()), image.createdBy().get(layer));
      LayerStackTree below = LayerStackTree.open(store.blobs(), image.layers().subList(0, layer),
          Files.createDirectories(work.resolve("cache-" + layer)));
      CopyResult ours = copier.copy(new CopyRequest(step, tree, below, workdir, true));
      assertEquals(LayerDescriptions.of(store.blobs(), image.layers().get(layer)), LayerDescriptions.of(ours.entries()),
          "line " + step.location().startLine() + ": " + step.original());
      layer++;
      compared++;
    }
    assertEquals(image.layers().size(), layer, "every layer was compared");
    assertTrue(compared >= 15, "compared " + compared + " layers");
  }
}
