package dev.lade.registry.transfer;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.Blob;
import dev.lade.oci.store.OciLayoutStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/** Images of random layers written straight into an OCI layout, for transfer tests (here and in the cli). */
public final class TestImages {
  private TestImages() {}

  /** A manifest over {@code layerSizes} bytes of random layers for {@code platform}; stored, not named. */
  public static Descriptor image(OciLayoutStore layout, Platform platform, long seed, int... layerSizes) throws IOException {
    Random random = new Random(seed);
    List<Descriptor> layers = new ArrayList<>();
    for (int size : layerSizes) {
      byte[] content = new byte[size];
      random.nextBytes(content);
      Blob blob = layout.blobs().write(content);
      layers.add(Descriptor.of(MediaType.OCI_LAYER_GZIP, blob.digest(), blob.size()));
    }
    return manifest(layout, platform, layers);
  }

  /**
   * Like {@link #image}, for layers too large to hold in memory: each is streamed from {@link
   * RandomBytes} (seeded by {@code seed} and its position) into the layout.
   */
  public static Descriptor largeImage(OciLayoutStore layout, Platform platform, long seed, long... layerSizes)
      throws IOException {
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < layerSizes.length; i++) {
      Blob blob = layout.blobs().write(new RandomBytes(seed + i, layerSizes[i]), null, layerSizes[i]);
      layers.add(Descriptor.of(MediaType.OCI_LAYER_GZIP, blob.digest(), blob.size()));
    }
    return manifest(layout, platform, layers);
  }

  private static Descriptor manifest(OciLayoutStore layout, Platform platform, List<Descriptor> layers)
      throws IOException {
    String diffIds = layers.stream().map(d -> "\"" + d.digest() + "\"").collect(Collectors.joining(","));
    String config = "{\"architecture\":\"" + platform.architecture() + "\",\"os\":\"" + platform.os() + "\","
        + "\"config\":{\"Cmd\":[\"/hello\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}";
    Blob configBlob = layout.blobs().write(config.getBytes(StandardCharsets.UTF_8));
    Descriptor configDescriptor = Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size());
    byte[] manifest = Manifest.of(MediaType.OCI_MANIFEST, configDescriptor, layers).toJson();
    Blob manifestBlob = layout.blobs().write(manifest);
    return Descriptor.of(MediaType.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size()).withPlatform(platform);
  }

  /** An index over {@code manifests}; stored, not named. */
  public static Descriptor index(OciLayoutStore layout, List<Descriptor> manifests) throws IOException {
    Blob blob = layout.blobs().write(Index.of(MediaType.OCI_INDEX, manifests).toJson());
    return Descriptor.of(MediaType.OCI_INDEX, blob.digest(), blob.size());
  }

  /** Names {@code target} in the layout as skopeo's {@code oci:DIR:NAME} does. */
  public static Descriptor named(OciLayoutStore layout, String name, Descriptor target) throws IOException {
    Descriptor plain = Descriptor.of(target.mediaType(), target.digest(), target.size());
    layout.putName(name, plain);
    return plain;
  }
}
