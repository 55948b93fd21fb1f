package dev.lade.buildkit.build;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.config.StageImage;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.History;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.Manifest;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.json.GoTime;
import dev.lade.oci.json.RawJson;
import dev.lade.oci.platform.Platform;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the target stage's image as BuildKit's image exporter does: {@code --label}s added, the
 * platform of {@code --platform} when given, history times clamped to SOURCE_DATE_EPOCH, then the
 * config and an OCI manifest into the store.
 */
final class ImageAssembly {
  private ImageAssembly() {}

  static BuiltImage write(BuildSession session, StageImage image) throws IOException {
    if (!session.request.labels().isEmpty()) {
      Map<String, String> labels = new LinkedHashMap<>(image.config().labels());
      labels.putAll(session.request.labels());
      image.config(image.config().toBuilder().labels(labels).build());
    }
    Platform platform = session.request.platform().isPresent() ? session.targetPlatform : image.platform();
    ImageConfig config = image.toConfig(platform);
    if (session.epoch.isPresent()) config = clamp(config, session.epoch.get());
    RawJson<ImageConfig> configJson = RawJson.encode(config, ImageConfig::toJson);
    store(session, configJson);
    Descriptor configDescriptor = Descriptor.of(MediaType.OCI_CONFIG, configJson);
    List<Descriptor> layers = image.layers().stream().map(ImageLayer::blob).toList();
    RawJson<Manifest> manifest = RawJson.encode(Manifest.of(MediaType.OCI_MANIFEST, configDescriptor, layers), Manifest::toJson);
    store(session, manifest);
    return new BuiltImage(Descriptor.of(MediaType.OCI_MANIFEST, manifest), manifest, configJson);
  }

  /** Writes a document by its digest, so that a rebuild's unchanged config and manifest are not written again. */
  private static void store(BuildSession session, RawJson<?> document) throws IOException {
    session.env.store().blobs().write(document.openStream(), document.digest(), document.size());
  }

  /** BuildKit's exporter: no history entry is later than SOURCE_DATE_EPOCH. */
  private static ImageConfig clamp(ImageConfig config, Instant epoch) {
    List<History> history = config.history().stream().map(h -> {
      boolean later = h.createdTime().map(t -> t.isAfter(epoch)).orElse(true);
      return later ? new History(GoTime.format(epoch), h.createdBy(), h.author(), h.comment(), h.emptyLayer()) : h;
    }).toList();
    return config.toBuilder().history(history).build();
  }
}
