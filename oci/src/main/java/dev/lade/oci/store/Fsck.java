package dev.lade.oci.store;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestingInputStream;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.FsckReport.Kind;
import dev.lade.oci.store.FsckReport.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a store: every blob against its digest, every reference's content for presence and size. */
public final class Fsck {
  private Fsck() {}

  /** Re-hashes every blob (streaming) and walks every reference. Reads only. */
  public static FsckReport check(Store store) throws IOException {
    BlobStore blobs = store.blobs();
    List<Problem> problems = new ArrayList<>();
    List<Digest> all = blobs.list();
    for (Digest digest : all) {
      Digest actual = rehash(blobs, digest);
      if (!actual.equals(digest)) problems.add(new Problem(Kind.CORRUPT, digest, "content has digest " + actual));
    }
    List<Descriptor> roots = store.refs().list().stream().map(RefEntry::target).toList();
    ImageGraph.Reachable reachable = ImageGraph.walk(blobs, roots);
    for (Map.Entry<Digest, Descriptor> e : reachable.present().entrySet()) {
      long size = blobs.size(e.getKey());
      if (size != e.getValue().size()) {
        problems.add(new Problem(Kind.WRONG_SIZE, e.getKey(),
            "descriptor says " + e.getValue().size() + " bytes, blob has " + size));
      }
    }
    for (Map.Entry<Digest, Descriptor> e : reachable.missing().entrySet()) {
      problems.add(new Problem(Kind.MISSING, e.getKey(), "needed " + e.getValue().mediaType() + " is not in the store"));
    }
    reachable.unreadable().forEach((d, why) -> problems.add(new Problem(Kind.UNREADABLE, d, why)));
    return new FsckReport(all.size(), problems);
  }

  private static Digest rehash(BlobStore blobs, Digest digest) throws IOException {
    try (InputStream in = blobs.open(digest)) {
      DigestingInputStream digesting = new DigestingInputStream(in, digest.algorithm());
      digesting.transferTo(OutputStream.nullOutputStream());
      return digesting.digest();
    }
  }
}
