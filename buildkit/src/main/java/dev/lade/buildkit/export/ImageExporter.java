package dev.lade.buildkit.export;

import dev.lade.buildkit.build.BuiltImage;
import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.buildkit.remote.ImagePusher;
import dev.lade.oci.archive.ArchiveFormat;
import dev.lade.oci.archive.ImageSaver;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a built image where an {@link OutputSpec} says: named in the store (and pushed), an OCI
 * layout (tar or directory), a Docker archive, or the root filesystem in a directory.
 */
public final class ImageExporter {
  private final OciLayoutStore store;
  private final ImagePusher pusher;
  private final BuildProgress progress;

  /**
   * @param store the store the image was built in
   * @param pusher pushes named images from {@code store} ({@code push=true})
   * @param progress where each export shows as a step
   */
  public ImageExporter(OciLayoutStore store, ImagePusher pusher, BuildProgress progress) {
    this.store = store;
    this.pusher = pusher;
    this.progress = progress;
  }

  /** Exports {@code image} as {@code spec} says. */
  public void export(BuiltImage image, OutputSpec spec) throws IOException {
    switch (spec) {
      case OutputSpec.Image i -> toStore(image, i);
      case OutputSpec.Oci o when o.tar() -> archive(image, o.dest(), o.names(), ArchiveFormat.OCI, "exporting to oci image format");
      case OutputSpec.Oci o -> step("exporting to oci image format", () -> OciDirectory.write(store, image, o.dest(), names(o.names())));
      case OutputSpec.Docker d -> archive(image, d.dest(), d.names(), ArchiveFormat.DOCKER, "exporting to docker image format");
      case OutputSpec.Local l -> step("exporting to client directory", () -> RootfsExport.write(store.blobs(), image, l.dest()));
    }
  }

  private void toStore(BuiltImage image, OutputSpec.Image spec) throws IOException {
    List<Reference> names = names(spec.names());
    step("exporting to image", () -> {
      if (names.isEmpty()) store.refs().putUntagged(image.manifestDescriptor());
      for (Reference name : names) {
        if (!names(name, image.manifestDescriptor())) store.refs().put(name, image.manifestDescriptor());
      }
    });
    if (spec.push()) {
      for (Reference name : names) step("pushing " + name, () -> pusher.push(name));
    }
  }

  /** Whether {@code name} already points at {@code target}: a rebuild of the same image leaves index.json alone. */
  private boolean names(Reference name, Descriptor target) throws IOException {
    return store.refs().get(name).map(d -> d.withAnnotations(target.annotations()).equals(target)).orElse(false);
  }

  private void archive(BuiltImage image, Path dest, List<String> names, ArchiveFormat format, String title)
      throws IOException {
    List<ImageSaver.SavedImage> saved = new ArrayList<>();
    for (Reference name : names(names)) saved.add(new ImageSaver.SavedImage(Optional.of(name), image.manifestDescriptor()));
    if (saved.isEmpty()) saved.add(new ImageSaver.SavedImage(Optional.empty(), image.manifestDescriptor()));
    step(title, () -> {
      // Written beside the target and renamed, so a failed export leaves no partial archive.
      Path absolute = dest.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
      try {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
          ImageSaver.saveImages(store, saved, format, out);
        }
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    });
  }

  /**
   * Refuses, before anything is built, a file destination buildx could not open: an existing
   * directory, or a path under something that is no directory or not writable.
   *
   * @throws IllegalArgumentException naming the destination, in buildx's words
   */
  public static void checkDestination(OutputSpec spec) {
    Path dest = switch (spec) {
      case OutputSpec.Oci o when o.tar() -> o.dest();
      case OutputSpec.Docker d -> d.dest();
      case OutputSpec.Oci o -> null;
      case OutputSpec.Local l -> null;
      case OutputSpec.Image i -> null;
    };
    if (dest == null) return;
    Path absolute = dest.toAbsolutePath();
    if (Files.isDirectory(absolute)) throw new IllegalArgumentException("destination file " + dest + " is a directory");
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) existing = existing.getParent();
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new IllegalArgumentException("failed to open " + dest + ": "
          + (existing == null || Files.isDirectory(existing) ? "permission denied" : existing + " is not a directory"));
    }
  }

  /** Parses names as {@code docker build -t} does: normalized, {@code latest} by default. */
  public static List<Reference> names(List<String> names) {
    return names.stream().map(n -> Reference.parse(n).withDefaultTag()).toList();
  }

  @FunctionalInterface
  private interface Work {
    void run() throws IOException;
  }

  private void step(String name, Work work) throws IOException {
    ProgressStep step = progress.start(name);
    try {
      work.run();
      step.done();
    } catch (IOException | RuntimeException e) {
      step.failed(String.valueOf(e.getMessage()));
      throw e;
    }
  }
}
