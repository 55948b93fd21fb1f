package dev.lade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryConfig;
import dev.lade.registry.blob.BlobSource;
import dev.lade.registry.testing.RegistryExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images a real registry accepts (distribution 2.8 checks that blobs exist, not what they hold or
 * how large the manifest says they are) but lade must refuse on pull: one line naming the problem,
 * exit 1, no reference made and nothing unsound in the store.
 */
class MalformedRemoteImagesTest {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();

  @TempDir Path temp;

  /** A config for one layer, which is its own DiffID (the tests' layers are random, not gzip). */
  private static String config(byte[] layer) {
    return "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digest.sha256(layer) + "\"]}}";
  }

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Uploads {@code config} and {@code layer} and a manifest naming them as given; its reference. */
  private String serve(String repository, Descriptor config, byte[] configBytes, Descriptor layer, byte[] layerBytes)
      throws Exception {
    try (RegistryClient client = RegistryClient.forRegistry(registry.host(), RegistryConfig.defaults())) {
      client.blobs().upload(repository, config.digest(), configBytes.length, BlobSource.of(configBytes));
      client.blobs().upload(repository, layer.digest(), layerBytes.length, BlobSource.of(layerBytes));
      client.manifests().put(repository, "1", MediaType.OCI_MANIFEST,
          Manifest.of(MediaType.OCI_MANIFEST, config, List.of(layer)).toJson());
    }
    return registry.host() + "/" + repository + ":1";
  }

  private static byte[] layerBytes() {
    byte[] layer = new byte[4096];
    new Random(41).nextBytes(layer);
    return layer;
  }

  private void assertRefusedInOneLine(String ref, String reason) {
    CliRun pull = lade("pull", ref);

    assertEquals(1, pull.exitCode(), pull.err());
    List<String> errors = pull.err().lines().filter(line -> line.startsWith("lade: ")).toList();
    assertEquals(1, errors.size(), pull.err());
    assertTrue(errors.get(0).contains(reason), pull.err());
    assertEquals("", lade("images", "-q").out(), "no reference is made");
    CliRun fsck = lade("fsck");
    assertEquals(0, fsck.exitCode(), fsck.out() + fsck.err());
  }

  @Test
  void aConfigThatIsNoJsonIsRefused() throws Exception {
    byte[] config = "not json at all".getBytes(StandardCharsets.UTF_8);
    byte[] layer = layerBytes();
    String ref = serve("lade/badconfig", Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length), config,
        Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length), layer);

    assertRefusedInOneLine(ref, "config");
  }

  @Test
  void aLayerOfAnotherSizeThanItsDescriptorIsRefused() throws Exception {
    byte[] layer = layerBytes();
    byte[] config = config(layer).getBytes(StandardCharsets.UTF_8);
    String ref = serve("lade/badsize", Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length), config,
        Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length + 100), layer);

    assertRefusedInOneLine(ref, Digest.sha256(layer).toString().substring(0, 19));
  }

  @Test
  void aConfigOfTheWrongMediaTypeIsRefused() throws Exception {
    byte[] layer = layerBytes();
    byte[] config = config(layer).getBytes(StandardCharsets.UTF_8);
    String ref = serve("lade/badtype", Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(config), config.length), config,
        Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length), layer);

    assertRefusedInOneLine(ref, "application/vnd.oci.image.layer.v1.tar+gzip");
  }

  @Test
  void aConfigWithTooFewDiffIdsIsRefused() throws Exception {
    byte[] layer = layerBytes();
    byte[] config = config(layer).replaceAll("\\[\"sha256:[0-9a-f]+\"\\]", "[]").getBytes(StandardCharsets.UTF_8);
    String ref = serve("lade/diffids", Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length), config,
        Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(layer), layer.length), layer);

    assertRefusedInOneLine(ref, "names 0 layer DiffIDs for 1 layers");
  }

  /** A Helm chart is an artifact a registry keeps like an image; it is no image to pull. */
  @Test
  void anArtifactLayerIsRefused() throws Exception {
    byte[] layer = layerBytes();
    byte[] config = config(layer).getBytes(StandardCharsets.UTF_8);
    String ref = serve("lade/chart", Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length), config,
        Descriptor.of(MediaType.of("application/vnd.cncf.helm.chart.content.v1.tar+gzip"), Digest.sha256(layer), layer.length),
        layer);

    assertRefusedInOneLine(ref, "application/vnd.cncf.helm.chart.content.v1.tar+gzip, which is no layer type");
  }
}
