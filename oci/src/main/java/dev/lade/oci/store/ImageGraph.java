package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageDocument;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The content an image needs: an index's manifests, a manifest's config and layers. */
public final class ImageGraph {
  /** Manifests and indexes larger than this are refused rather than read into memory. */
  public static final int MAX_DOCUMENT_SIZE = 4 * 1024 * 1024;

  private ImageGraph() {}

  /**
   * What a walk from some roots found.
   *
   * @param present the reachable blobs that are in the store, by digest, in walk order
   * @param missing the reachable blobs that are not
   * @param unreadable manifests and indexes that could not be parsed (so their children are
   *     unknown), with the reason
   * @param notPulled manifests an index lists that are not in the store: other platforms than
   *     the ones pulled, which an image does not need (as in containerd)
   */
  public record Reachable(
      Map<Digest, Descriptor> present,
      Map<Digest, Descriptor> missing,
      Map<Digest, String> unreadable,
      Map<Digest, Descriptor> notPulled) {}

  /**
   * Reads the manifest or index {@code descriptor} points at.
   *
   * @throws CorruptStoreException if it is too large or invalid
   */
  public static ImageDocument readDocument(BlobStore blobs, Descriptor descriptor) throws IOException {
    return ImageDocument.parse(descriptor.mediaType().value(), readSmallBlob(blobs, descriptor));
  }

  /** Reads a small blob (a manifest or config) whole, refusing one over {@link #MAX_DOCUMENT_SIZE}. */
  public static byte[] readSmallBlob(BlobStore blobs, Descriptor descriptor) throws IOException {
    long size = blobs.size(descriptor.digest());
    if (size > MAX_DOCUMENT_SIZE) {
      throw new CorruptStoreException(
          "blob " + descriptor.digest(), "too large for a " + descriptor.mediaType() + " (" + size + " bytes)", null);
    }
    try (InputStream in = blobs.open(descriptor.digest())) {
      return in.readAllBytes();
    }
  }

  /** The descriptors {@code descriptor}'s content refers to; none for configs and layers. */
  public static List<Descriptor> children(BlobStore blobs, Descriptor descriptor) throws IOException {
    if (!descriptor.mediaType().isManifest() && !descriptor.mediaType().isIndex()) return List.of();
    ImageDocument document;
    try {
      document = readDocument(blobs, descriptor);
    } catch (InvalidImageException e) {
      throw new CorruptStoreException("blob " + descriptor.digest(), e.getMessage(), e);
    }
    return switch (document) {
      case Index index -> index.manifests();
      case Manifest manifest -> {
        List<Descriptor> all = new ArrayList<>();
        all.add(manifest.config());
        all.addAll(manifest.layers());
        yield all;
      }
    };
  }

  /**
   * Walks everything {@code roots} need; a manifest that cannot be parsed is reported, not thrown.
   * An index's manifests may be absent: a pull keeps the index but only the platforms it chose.
   */
  public static Reachable walk(BlobStore blobs, Collection<Descriptor> roots) throws IOException {
    Map<Digest, Descriptor> present = new LinkedHashMap<>();
    Map<Digest, Descriptor> missing = new LinkedHashMap<>();
    Map<Digest, String> unreadable = new LinkedHashMap<>();
    Map<Digest, Descriptor> notPulled = new LinkedHashMap<>();
    Deque<Descriptor> pending = new ArrayDeque<>(roots);
    Set<Digest> optional = new HashSet<>();
    while (!pending.isEmpty()) {
      Descriptor next = pending.poll();
      Digest digest = next.digest();
      if (present.containsKey(digest) || missing.containsKey(digest)) continue;
      if (!blobs.has(digest)) {
        if (optional.contains(digest)) notPulled.put(digest, next);
        else missing.put(digest, next);
        continue;
      }
      present.put(digest, next);
      try {
        List<Descriptor> children = children(blobs, next);
        if (next.mediaType().isIndex()) children.forEach(c -> optional.add(c.digest()));
        pending.addAll(children);
      } catch (CorruptStoreException e) {
        unreadable.put(digest, e.getMessage());
      }
    }
    notPulled.keySet().removeAll(present.keySet());
    return new Reachable(present, missing, unreadable, notPulled);
  }
}
