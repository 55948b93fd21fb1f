package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageDocument;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.platform.PlatformPreference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a copy moves: the manifests and indexes, children before parents and the root last, each
 * with its exact bytes, and the blobs they need, once each.
 *
 * @param root the manifest or index the source names
 * @param documents manifests and indexes in the order to put them
 * @param blobs configs and layers, distinct by digest
 */
record CopyPlan(Descriptor root, List<Document> documents, List<Descriptor> blobs) {
  private static final int MAX_DEPTH = 8;

  /** A manifest or index with its bytes. */
  record Document(Descriptor descriptor, byte[] bytes) {}

  /**
   * Reads the documents under {@code root}. From an index, {@code platforms} picks the one
   * manifest to copy; null copies them all.
   */
  static CopyPlan of(ImageSource source, Descriptor root, PlatformPreference platforms) throws IOException {
    List<Document> documents = new ArrayList<>();
    Map<String, Descriptor> blobs = new LinkedHashMap<>();
    visit(source, root, platforms, documents, blobs, 0);
    return new CopyPlan(root, documents, List.copyOf(blobs.values()));
  }

  private static void visit(ImageSource source, Descriptor descriptor, PlatformPreference platforms,
      List<Document> documents, Map<String, Descriptor> blobs, int depth) throws IOException {
    if (depth > MAX_DEPTH) throw new TransferException(source.describe() + ": indexes nested too deep");
    byte[] bytes = source.manifest(descriptor);
    ImageDocument document;
    try {
      document = ImageDocument.parse(descriptor.mediaType().value(), bytes);
    } catch (InvalidImageException e) {
      throw new TransferException(source.describe() + ": " + descriptor.digest() + ": " + e.getMessage(), e);
    }
    switch (document) {
      case Index index -> {
        for (Descriptor child : chosen(source, index, platforms)) {
          visit(source, child, platforms, documents, blobs, depth + 1);
        }
      }
      case Manifest manifest -> {
        blobs.putIfAbsent(manifest.config().digest().toString(), manifest.config());
        for (Descriptor layer : manifest.layers()) {
          // Foreign layers stay where their URLs say; registries do not take them.
          if (layer.mediaType().isDistributable()) blobs.putIfAbsent(layer.digest().toString(), layer);
        }
      }
    }
    documents.add(new Document(descriptor, bytes));
  }

  private static List<Descriptor> chosen(ImageSource source, Index index, PlatformPreference platforms)
      throws IOException {
    if (platforms == null) {
      List<Descriptor> present = new ArrayList<>();
      for (Descriptor child : index.manifests()) if (source.hasManifest(child)) present.add(child);
      return present;
    }
    return List.of(index.manifestFor(platforms).orElseThrow(() -> new TransferException(
        source.describe() + ": no image for platform " + platforms.platforms().get(0).formatAll()
            + " in the index")));
  }
}
