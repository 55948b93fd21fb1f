package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens the trees COPY and ADD read and write: the build context and root filesystems. */
public interface FileTrees {

  /** The build context at {@code directory}, without what {@code ignore} excludes. */
  FileTree context(Path directory, IgnorePatterns ignore) throws IOException;

  /** The root filesystem of {@code layers} (base first), read from {@code blobs}. */
  FileTree layers(BlobStore blobs, List<Descriptor> layers) throws IOException;
}
