package dev.lade.runner.snapshot.extract;

import dev.lade.oci.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OCI image specification's ChainID: the first layer's is its diff ID; each next one is the
 * SHA-256 of {@code "<parent chain ID> <diff ID>"}. It names a stack of layers.
 */
public final class ChainId {
  private ChainId() {}

  /** The chain IDs of every prefix of {@code diffIds}, bottom layer first. */
  public static List<Digest> of(List<Digest> diffIds) {
    Digest[] chain = new Digest[diffIds.size()];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = i == 0 ? diffIds.get(0)
          : Digest.sha256((chain[i - 1] + " " + diffIds.get(i)).getBytes(StandardCharsets.UTF_8));
    }
    return List.of(chain);
  }
}
