package dev.lade.buildkit.testing;

import dev.lade.buildkit.build.FileTrees;
import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.FileCopier;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.copy.DockerCopier;
import dev.lade.buildkit.fs.layers.LayerStackTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The copier and trees of the fs package, for builds in tests while the engine's standard ones are
 * being wired: contexts read in place, root filesystems through their layers, COPY by {@link
 * DockerCopier}.
 */
public final class RealFileSystems implements FileTrees, FileCopier {
  private final Path scratch;
  private final DockerCopier copier;

  public RealFileSystems(Path scratch) throws IOException {
    this.scratch = Files.createDirectories(scratch);
    this.copier = new DockerCopier(Files.createDirectories(scratch.resolve("copier")));
  }

  @Override
  public FileTree context(Path directory, IgnorePatterns ignore) throws IOException {
    return ContextTree.open(directory, ignore);
  }

  @Override
  public FileTree layers(BlobStore blobs, List<Descriptor> layers) throws IOException {
    return LayerStackTree.open(blobs, layers.stream().map(Descriptor::digest).toList(),
        Files.createTempDirectory(scratch, "layers-"));
  }

  @Override
  public CopyResult copy(CopyRequest request) throws IOException {
    return copier.copy(request);
  }
}
