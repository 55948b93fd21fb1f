package dev.lade.oci.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.reference.Reference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutStoreTest {
  @TempDir Path root;

  private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.UTF_8);
  // sha256("hello world"), a value quoted throughout the OCI and Docker docs.
  private static final Digest HELLO_DIGEST =
      Digest.parse("sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");

  @Test
  void createsAnOciLayout() throws IOException {
    OciLayoutStore.open(root);
    assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(root.resolve("oci-layout")));
    String index = Files.readString(root.resolve("index.json"));
    assertTrue(index.contains("\"manifests\": []"), index);
    assertTrue(Files.isDirectory(root.resolve("blobs/sha256")));
  }

  @Test
  void refusesADirectoryThatIsNoLayout() throws IOException {
    Files.writeString(root.resolve("oci-layout"), "hello");
    assertThrows(CorruptStoreException.class, () -> OciLayoutStore.open(root));
  }

  @Test
  void writesBlobsUnderTheirDigest() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Blob blob = store.blobs().write(new ByteArrayInputStream(HELLO), HELLO_DIGEST, HELLO.length);
    assertEquals(new Blob(HELLO_DIGEST, 11), blob);
    assertArrayEquals(HELLO, Files.readAllBytes(root.resolve("blobs/sha256/" + HELLO_DIGEST.hex())));
    assertTrue(store.blobs().has(HELLO_DIGEST));
    assertEquals(11, store.blobs().size(HELLO_DIGEST));
    try (InputStream in = store.blobs().open(HELLO_DIGEST)) {
      assertArrayEquals(HELLO, in.readAllBytes());
    }
    assertEquals(List.of(HELLO_DIGEST), store.blobs().list());
    assertEquals(blob, store.blobs().write(HELLO), "writing again is harmless");
  }

  @Test
  void refusesContentThatDoesNotMatchItsDigest() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
    BlobMismatchException e = assertThrows(BlobMismatchException.class,
        () -> store.blobs().write(new ByteArrayInputStream(HELLO), other, HELLO.length));
    assertEquals(HELLO_DIGEST, e.actual());
    assertEquals("blob " + other + ": digest mismatch: content has digest " + HELLO_DIGEST, e.getMessage());
    assertFalse(store.blobs().has(other));
    assertFalse(store.blobs().has(HELLO_DIGEST));
    assertEquals(0, count(store.tempDirectory()), "the temp file is gone");
  }

  @Test
  void storesWhatAProducerWritesUnderTheDigestItReports() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Blob blob = store.blobs().write(out -> {
      out.write(HELLO, 0, 5);
      out.write(HELLO, 5, 6);
      return new Blob(HELLO_DIGEST, HELLO.length);
    });
    assertEquals(new Blob(HELLO_DIGEST, 11), blob);
    assertArrayEquals(HELLO, Files.readAllBytes(root.resolve("blobs/sha256/" + HELLO_DIGEST.hex())));
    assertEquals(0, count(store.tempDirectory()), "the temp file is gone");
  }

  @Test
  void refusesAProducerWhoseSizeIsWrong() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    BlobMismatchException e = assertThrows(BlobMismatchException.class, () -> store.blobs().write(out -> {
      out.write(HELLO);
      return new Blob(HELLO_DIGEST, 12);
    }));
    assertEquals(11, e.actualSize());
    assertFalse(store.blobs().has(HELLO_DIGEST));
    assertEquals(0, count(store.tempDirectory()), "the temp file is gone");
  }

  @Test
  void storesNothingWhenTheProducerFails() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    IOException e = assertThrows(IOException.class, () -> store.blobs().write(out -> {
      out.write(HELLO);
      throw new IOException("disk on fire");
    }));
    assertEquals("disk on fire", e.getMessage());
    assertEquals(List.of(), store.blobs().list());
    assertEquals(0, count(store.tempDirectory()), "the temp file is gone");
  }

  @Test
  void stopsReadingContentLongerThanAnnounced() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };
    BlobMismatchException e = assertThrows(BlobMismatchException.class,
        () -> store.blobs().write(endless, HELLO_DIGEST, 11));
    assertNull(e.actual());
    assertTrue(e.getMessage().contains("size mismatch: expected 11 bytes, got more than 11"), e.getMessage());
    assertEquals(List.of(), store.blobs().list());
  }

  @Test
  void refusesContentShorterThanAnnounced() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    BlobMismatchException e = assertThrows(BlobMismatchException.class,
        () -> store.blobs().write(new ByteArrayInputStream(HELLO), null, 12));
    assertEquals(11, e.actualSize());
  }

  @Test
  void storesSelfVerifiedContentAsAnnounced() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Blob blob = store.blobs().writeVerified(new ByteArrayInputStream(HELLO), HELLO_DIGEST, HELLO.length);
    assertEquals(new Blob(HELLO_DIGEST, 11), blob);
    assertArrayEquals(HELLO, Files.readAllBytes(root.resolve("blobs/sha256/" + HELLO_DIGEST.hex())));
    assertEquals(0, count(store.tempDirectory()));
  }

  @Test
  void storesNothingWhenSelfVerifiedContentFailsAtItsEnd() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    // What a verifying download does when the bytes do not match: the read that reaches the end throws.
    InputStream failingAtEnd = new java.io.FilterInputStream(new ByteArrayInputStream(HELLO)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) throw new IOException("digest mismatch");
        return n;
      }
    };
    IOException e = assertThrows(IOException.class,
        () -> store.blobs().writeVerified(failingAtEnd, HELLO_DIGEST, HELLO.length));
    assertEquals("digest mismatch", e.getMessage());
    assertFalse(store.blobs().has(HELLO_DIGEST));
    assertEquals(0, count(store.tempDirectory()), "the temp file is gone");
  }

  @Test
  void refusesSelfVerifiedContentOfAnotherSize() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    BlobMismatchException shorter = assertThrows(BlobMismatchException.class,
        () -> store.blobs().writeVerified(new ByteArrayInputStream(HELLO), HELLO_DIGEST, 12));
    assertEquals("blob " + HELLO_DIGEST + ": size mismatch: expected 12 bytes, got 11", shorter.getMessage());
    BlobMismatchException longer = assertThrows(BlobMismatchException.class,
        () -> store.blobs().writeVerified(new ByteArrayInputStream(HELLO), HELLO_DIGEST, 10));
    assertEquals("blob " + HELLO_DIGEST + ": size mismatch: expected 10 bytes, got more than 10", longer.getMessage());
    assertEquals(List.of(), store.blobs().list());
  }

  @Test
  void openingRemovesLeftoversOfACrashedWrite() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Path leftover = store.tempDirectory().resolve("blob-123.tmp");
    Files.write(leftover, HELLO);
    OciLayoutStore.open(root);
    assertFalse(Files.exists(leftover));
  }

  @Test
  void namesImagesWithFullReferences() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor manifest = storeManifest(store);
    Reference busybox = Reference.parse("busybox").withDefaultTag();
    store.refs().put(busybox, manifest);
    assertTrue(Files.readString(root.resolve("index.json"))
        .contains("\"org.opencontainers.image.ref.name\": \"docker.io/library/busybox:latest\""));
    assertEquals(manifest.digest(), store.refs().get(busybox).orElseThrow().digest());
    assertEquals(List.of(Optional.of(busybox)), store.refs().list().stream().map(RefEntry::reference).toList());

    store.refs().put(busybox, manifest);
    assertEquals(1, store.refs().list().size(), "putting again replaces");
    assertTrue(store.refs().remove(busybox));
    assertFalse(store.refs().remove(busybox));
    assertEquals(List.of(), store.refs().list());
  }

  @Test
  void refusesReferencesToMissingContent() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Descriptor absent = Descriptor.of(MediaType.OCI_MANIFEST, HELLO_DIGEST, 11);
    assertThrows(BlobNotFoundException.class, () -> store.refs().put(Reference.parse("busybox:1"), absent));
  }

  @Test
  void reportsAnUnreadableIndex() throws IOException {
    OciLayoutStore store = OciLayoutStore.open(root);
    Files.writeString(root.resolve("index.json"), "{not json");
    CorruptStoreException e = assertThrows(CorruptStoreException.class, () -> store.refs().list());
    assertTrue(e.getMessage().startsWith("corrupt image store: " + root.resolve("index.json")), e.getMessage());
  }

  static Descriptor storeManifest(Store store) throws IOException {
    return TestImages.store(store, "layer content");
  }

  private static long count(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
