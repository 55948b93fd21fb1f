package dev.lade.oci.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageDocument;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.FsckReport.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneAndFsckTest {
  @TempDir Path root;

  @Test
  void pruneKeepsWhatReferencesNeedAndDeletesTheRest() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor kept = TestImages.store(store, "kept");
    Descriptor dropped = TestImages.store(store, "dropped");
    store.refs().put(Reference.parse("kept:1"), kept);
    store.refs().put(Reference.parse("dropped:1"), dropped);
    store.refs().remove(Reference.parse("dropped:1"));
    Set<Digest> droppedContent = Set.copyOf(contentOf(store, dropped));
    Set<Digest> keptContent = Set.copyOf(contentOf(store, kept));

    PruneReport report = store.prune(GcRoots.NONE);

    assertEquals(droppedContent, digests(report.deleted()));
    assertEquals(keptContent, Set.copyOf(store.blobs().list()));
    assertTrue(Fsck.check(store).ok());
    assertEquals(List.of(), store.prune(GcRoots.NONE).deleted(), "a second prune finds nothing");
  }

  @Test
  void pruneKeepsExtraRootsAndWhatTheyReach() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor cached = TestImages.store(store, "build cache");
    PruneReport report = store.prune(() -> List.of(cached));
    assertEquals(List.of(), report.deleted());
    assertEquals(3, store.blobs().list().size());
    assertEquals(3, store.prune(GcRoots.NONE).deleted().size());
  }

  @Test
  void fsckFindsCorruptMissingAndWronglySizedBlobs() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor image = TestImages.store(store, "layer");
    store.refs().put(Reference.parse("busybox:1"), image);
    Manifest manifest = (Manifest) ImageGraph.readDocument(store.blobs(), image);
    Digest layer = manifest.layers().get(0).digest();
    Digest config = manifest.config().digest();
    Files.writeString(store.blobPath(layer), "tampered");
    Files.delete(store.blobPath(config));

    FsckReport report = Fsck.check(store);

    assertFalse(report.ok());
    assertEquals(2, report.blobsChecked());
    assertEquals(Set.of(Kind.CORRUPT + " " + layer, Kind.WRONG_SIZE + " " + layer, Kind.MISSING + " " + config),
        Set.copyOf(report.problems().stream().map(p -> p.kind() + " " + p.digest()).toList()));
  }

  @Test
  void fsckReportsAnUnreadableManifestAndPruneRefusesToGuess() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor image = TestImages.store(store, "layer");
    store.refs().put(Reference.parse("busybox:1"), image);
    Files.writeString(store.blobPath(image.digest()), "{}");

    FsckReport report = Fsck.check(store);
    assertTrue(report.problems().stream().anyMatch(p -> p.kind() == Kind.UNREADABLE), report.toString());
    org.junit.jupiter.api.Assertions.assertThrows(CorruptStoreException.class, () -> store.prune(GcRoots.NONE));
    assertEquals(3, store.blobs().list().size(), "nothing deleted");
  }

  private static List<Digest> contentOf(Store store, Descriptor manifest) throws IOException {
    ImageDocument doc = ImageGraph.readDocument(store.blobs(), manifest);
    Manifest m = (Manifest) doc;
    return List.of(manifest.digest(), m.config().digest(), m.layers().get(0).digest());
  }

  private static Set<Digest> digests(List<Blob> blobs) {
    Set<Digest> set = new HashSet<>();
    blobs.forEach(b -> set.add(b.digest()));
    return set;
  }
}
