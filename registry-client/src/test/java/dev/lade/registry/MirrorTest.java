package dev.lade.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.registry.testing.RegistryExtension;
import dev.lade.registry.testing.TinyImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MirrorTest {
  @RegisterExtension static RegistryExtension origin = RegistryExtension.plainHttp();
  @RegisterExtension static RegistryExtension mirror = RegistryExtension.plainHttp();

  @TempDir Path certsD;

  @Test
  void pullsFromTheMirrorFirstAndFallsBackToTheOrigin() throws Exception {
    TinyImage onMirror = TinyImage.create();
    RegistryConfig plain = TestConfigs.anonymous(certsD);
    try (RegistryClient direct = RegistryClient.forRegistry(mirror.host(), plain)) {
      PlainRegistryClientTest.push(direct, "lade/mirrored", onMirror);
    }
    try (RegistryClient direct = RegistryClient.forRegistry(origin.host(), plain)) {
      PlainRegistryClientTest.push(direct, "lade/origin-only", onMirror);
    }
    RegistryConfig mirrored = plain.withTransport(
        plain.transport().withMirrors(Map.of(origin.host(), List.of(mirror.host()))));

    try (RegistryClient client = RegistryClient.forRegistry(origin.host(), mirrored)) {
      assertArrayEquals(onMirror.manifest(), client.manifests().get("lade/mirrored", "v1").bytes());
      assertArrayEquals(onMirror.manifest(), client.manifests().get("lade/origin-only", "v1").bytes());
      assertTrue(client.manifests().head("lade/origin-only", "v1").isPresent());
      assertTrue(client.manifests().head("lade/mirrored", "v1").isPresent());
      assertTrue(client.manifests().head("lade/nowhere", "v1").isEmpty());
    }
  }
}
