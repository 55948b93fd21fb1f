package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.FileCopier;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Placeholder trees and copier until COPY/ADD land: fails COPY and ADD with one clear line. */
final class UnwiredCopy implements FileTrees, FileCopier {
  @Override
  public FileTree context(Path directory, IgnorePatterns ignore) {
    return EMPTY;
  }

  @Override
  public FileTree layers(BlobStore blobs, List<Descriptor> layers) {
    return EMPTY;
  }

  @Override
  public CopyResult copy(CopyRequest request) throws IOException {
    throw new IOException(request.instruction().keyword() + " is not supported yet (lade's copier is not wired in)");
  }

  private static final FileTree EMPTY = new FileTree() {
    @Override
    public Optional<dev.lade.oci.layer.LayerEntry> lookup(String path) {
      return Optional.empty();
    }

    @Override
    public List<String> children(String path) {
      return List.of();
    }
  };
}
