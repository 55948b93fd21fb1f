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

  private static final byte[] LAYER = randomLayer();
  /** A good config for {@link #LAYER}, which is its own DiffID (the layer is random, not gzip). */
  private static final String CONFIG = "{\"architecture\":\"amd64\",\"os\":\"linux\","
      + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(LAYER) + "\"]}}";

  private CliRun lade(String... args) {
    List<String> all = new ArrayList<>(List.of("--root", temp.resolve("store").toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  /**
   * Uploads {@code config} and {@link #LAYER} and a manifest naming them with the given media types
   * and the layer as {@code announcedLayerSize} bytes; returns its reference.
   */
  private String serve(String repository, MediaType configType, String config, MediaType layerType, long announcedLayerSize)
      throws Exception {
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    Descriptor configDescriptor = Descriptor.of(configType, Digest.sha256(configBytes), configBytes.length);
    Descriptor layer = Descriptor.of(layerType, Digest.sha256(LAYER), announcedLayerSize);
    try (RegistryClient client = RegistryClient.forRegistry(registry.host(), RegistryConfig.defaults())) {
      client.blobs().upload(repository, configDescriptor.digest(), configBytes.length, BlobSource.of(configBytes));
      client.blobs().upload(repository, layer.digest(), LAYER.length, BlobSource.of(LAYER));
      client.manifests().put(repository, "1", MediaType.OCI_MANIFEST,
          Manifest.of(MediaType.OCI_MANIFEST, configDescriptor, List.of(layer)).toJson());
    }
    return registry.host() + "/" + repository + ":1";
  }

  private static byte[] randomLayer() {
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
    assertRefusedInOneLine(serve("lade/badconfig", MediaType.OCI_CONFIG, "not json at all", MediaType.OCI_LAYER_GZIP, LAYER.length),
        "invalid image config: malformed JSON");
  }

  @Test
  void aLayerOfAnotherSizeThanItsDescriptorIsRefused() throws Exception {
    assertRefusedInOneLine(serve("lade/badsize", MediaType.OCI_CONFIG, CONFIG, MediaType.OCI_LAYER_GZIP, LAYER.length + 100),
        Digest.sha256(LAYER) + ": got 4096 bytes, expected 4196");
  }

  @Test
  void aConfigOfTheWrongMediaTypeIsRefused() throws Exception {
    assertRefusedInOneLine(serve("lade/badtype", MediaType.OCI_LAYER_GZIP, CONFIG, MediaType.OCI_LAYER_GZIP, LAYER.length),
        "is no container image: its config has media type application/vnd.oci.image.layer.v1.tar+gzip");
  }

  @Test
  void aConfigWithTooFewDiffIdsIsRefused() throws Exception {
    String noDiffIds = CONFIG.replaceAll("\\[\"sha256:[0-9a-f]+\"\\]", "[]");
    assertRefusedInOneLine(serve("lade/diffids", MediaType.OCI_CONFIG, noDiffIds, MediaType.OCI_LAYER_GZIP, LAYER.length),
        "names 0 layer DiffIDs for 1 layers");
  }

  /** A Helm chart is an artifact a registry keeps like an image; it is no image to pull. */
  @Test
  void anArtifactLayerIsRefused() throws Exception {
    MediaType chart = MediaType.of("application/vnd.cncf.helm.chart.content.v1.tar+gzip");
    assertRefusedInOneLine(serve("lade/chart", MediaType.OCI_CONFIG, CONFIG, chart, LAYER.length),
        "application/vnd.cncf.helm.chart.content.v1.tar+gzip, which is no layer type");
  }
}
