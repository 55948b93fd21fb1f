package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link StoreConcurrencyTest}: writes images and tags them in a loop,
 * {@code StoreHammer ROOT NAME COUNT}; or {@code StoreHammer ROOT --endless} writes one blob that
 * never ends, to be killed mid-write.
 */
public final class StoreHammer {
  private StoreHammer() {}

  public static void main(String[] args) throws Exception {
    OciLayoutStore store = OciLayoutStore.open(Path.of(args[0]));
    if (args[1].equals("--endless")) {
      store.blobs().write(new java.io.InputStream() {
        @Override
        public int read() {
          return 'x';
        }
      }, null, -1);
    }
    hammer(store, args[1], Integer.parseInt(args[2]));
  }

  /** Writes {@code count} images (half shared with other hammers) and tags each under a lease. */
  static void hammer(Store store, String name, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      try (Lease lease = store.lease()) {
        // Even-numbered content is the same in every hammer, so identical blobs race each other.
        Descriptor image = TestImages.store(store, i % 2 == 0 ? "shared " + i : name + " " + i);
        store.refs().put(Reference.parse(name + ":" + i), image);
        store.refs().put(Reference.parse("shared:" + (i % 5)), image);
      }
    }
  }
}
