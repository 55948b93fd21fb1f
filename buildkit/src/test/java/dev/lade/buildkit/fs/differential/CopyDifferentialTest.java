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
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.layer.LayerReader;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.testing.BusyboxRootfs;
import dev.lade.oci.testing.DockerDaemon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
      assertEquals(describe(readLayer(store, image.layers().get(layer))), describe(ours.entries()),
          "line " + step.location().startLine() + ": " + step.original());
      layer++;
      compared++;
    }
    assertEquals(image.layers().size(), layer, "every layer was compared");
    assertTrue(compared >= 15, "compared " + compared + " layers");
  }

  private static List<LayerEntry> readLayer(OciLayoutStore store, Digest digest) throws IOException {
    List<LayerEntry> out = new java.util.ArrayList<>();
    try (LayerReader reader = new LayerReader(store.blobs().open(digest))) {
      for (LayerEntry e = reader.next(); e != null; e = reader.next()) {
        if (e instanceof LayerEntry.File f) {
          String sha;
          try (var in = f.content().open()) {
            sha = Digest.sha256(in).hex().substring(0, 12);
          }
          byte[] hash = sha.getBytes();
          out.add(new LayerEntry.File(f.path(), f.metadata(), f.size(), () -> new java.io.ByteArrayInputStream(hash)));
        } else {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static Map<String, String> describe(List<LayerEntry> entries) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (LayerEntry e : entries) {
      out.put(e.path(), switch (e) {
        case LayerEntry.File f -> "file " + meta(f.metadata()) + " " + f.metadata().modTime().getEpochSecond()
            + " " + hash(f);
        case LayerEntry.Directory d -> "dir " + meta(d.metadata());
        case LayerEntry.Symlink s -> "symlink " + meta(s.metadata()) + " " + s.target();
        case LayerEntry.Hardlink h -> "hardlink " + meta(h.metadata()) + " " + h.target();
        default -> e.toString();
      });
    }
    return out;
  }

  private static String hash(LayerEntry.File f) throws IOException {
    try (var in = f.content().open()) {
      byte[] data = in.readAllBytes();
      // Docker's side already holds a 12-hex prefix; ours holds the content.
      return data.length == 12 && new String(data).matches("[0-9a-f]{12}")
          ? new String(data) : Digest.sha256(data).hex().substring(0, 12);
    }
  }

  private static String meta(EntryMetadata m) {
    return String.format("%04o %d:%d", m.mode(), m.uid(), m.gid());
  }
}
