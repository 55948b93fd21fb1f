package dev.lade.buildkit.export;

import dev.lade.buildkit.build.BuiltImage;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.LayoutIndexJson;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a built image as an OCI image layout directory ({@code type=oci,tar=false}). */
final class OciDirectory {
  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final String CONTAINERD_NAME = "io.containerd.image.name";

  private OciDirectory() {}

  static void write(OciLayoutStore store, BuiltImage image, Path dir, List<Reference> names) throws IOException {
    Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    List<Descriptor> blobs = new ArrayList<>(image.manifest().value().layers());
    blobs.add(image.configDescriptor());
    blobs.add(image.manifestDescriptor());
    for (Descriptor blob : blobs) {
      Path target = dir.resolve("blobs").resolve(blob.digest().algorithm().id()).resolve(blob.digest().hex());
      if (Files.exists(target)) continue;
      try (InputStream in = store.blobs().open(blob.digest())) {
        Path tmp = Files.createTempFile(target.getParent(), ".blob", ".tmp");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<Descriptor> entries = new ArrayList<>();
    if (names.isEmpty()) entries.add(image.manifestDescriptor());
    for (Reference name : names) {
      String ref = name.tag().isEmpty() ? name.toString() : name.tag();
      // As the tar (and BuildKit's oci exporter): the full name for containerd, the tag for OCI tools.
      entries.add(image.manifestDescriptor().withAnnotations(Map.of(CONTAINERD_NAME, name.toString(), REF_NAME, ref)));
    }
    Files.write(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("index.json"), LayoutIndexJson.write(Index.of(MediaType.OCI_INDEX, entries)));
  }
}
