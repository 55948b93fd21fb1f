package dev.lade.oci.image;

import dev.lade.oci.json.GoTime;
import dev.lade.oci.json.JsonValue;
import dev.lade.oci.platform.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image config ({@code application/vnd.oci.image.config.v1+json} or Docker's {@code
 * application/vnd.docker.container.image.v1+json}). Absent strings are empty.
 *
 * @param created when the image was created, as RFC 3339 text (kept as written)
 * @param author who made the image
 * @param architecture the CPU architecture, such as {@code amd64}
 * @param os the operating system, such as {@code linux}
 * @param osVersion the OS version (Windows)
 * @param osFeatures required OS features (Windows)
 * @param variant the CPU variant, such as {@code v8}
 * @param config the execution defaults
 * @param rootfs the layers' DiffIDs
 * @param history the build steps, oldest first
 * @param extra other top-level fields, such as Docker's {@code container_config} or BuildKit's
 *     {@code moby.buildkit.cache.v0}, kept so that they survive a rewrite
 */
public record ImageConfig(
    String created,
    String author,
    String architecture,
    String os,
    String osVersion,
    List<String> osFeatures,
    String variant,
    ContainerConfig config,
    RootFs rootfs,
    List<History> history,
    Map<String, JsonValue> extra) {

  public ImageConfig {
    created = Objects.requireNonNullElse(created, "");
    author = Objects.requireNonNullElse(author, "");
    architecture = Objects.requireNonNull(architecture, "architecture");
    os = Objects.requireNonNull(os, "os");
    osVersion = Objects.requireNonNullElse(osVersion, "");
    osFeatures = List.copyOf(Objects.requireNonNullElse(osFeatures, List.of()));
    variant = Objects.requireNonNullElse(variant, "");
    config = Objects.requireNonNullElse(config, ContainerConfig.EMPTY);
    rootfs = Objects.requireNonNullElse(rootfs, RootFs.layers(List.of()));
    history = List.copyOf(Objects.requireNonNullElse(history, List.of()));
    extra = Copies.sortedMap(extra);
  }

  /** The platform this image runs on. */
  public Platform platform() {
    return new Platform(os, architecture, variant, osVersion, osFeatures);
  }

  /** {@link #created()} parsed, if present. */
  public Optional<Instant> createdTime() {
    return created.isEmpty() ? Optional.empty() : Optional.of(GoTime.parse(created));
  }

  /**
   * Parses and validates a config: {@code architecture}, {@code os} and {@code rootfs} are
   * required, {@code rootfs.type} must be {@code layers}, and times, digests and field types must
   * be valid.
   *
   * @throws InvalidImageException naming the offending field
   */
  public static ImageConfig parse(byte[] json) {
    return DocumentReader.read("image config", json, ImageConfigJson::read);
  }

  /**
   * The config as compact JSON, the way BuildKit exports it: top-level keys sorted (its exporter
   * writes a map), nested objects in Go's struct field order, Go's string escaping, no trailing
   * newline.
   */
  public byte[] toJson() {
    return ImageConfigJson.write(this);
  }

  /** A builder for a config of {@code platform}, with an empty root filesystem. */
  public static Builder builder(Platform platform) {
    return new Builder().platform(platform);
  }

  public Builder toBuilder() {
    return new Builder()
        .created(created).author(author).platform(platform()).config(config).rootfs(rootfs)
        .history(history).extra(extra);
  }

  /** Builds an {@link ImageConfig}. */
  public static final class Builder {
    private String created;
    private String author;
    private Platform platform;
    private ContainerConfig config;
    private RootFs rootfs;
    private List<History> history;
    private Map<String, JsonValue> extra;

    private Builder() {}

    /** The creation time as RFC 3339 text; empty for none. */
    public Builder created(String created) { this.created = created; return this; }
    public Builder created(Instant created) { return created(GoTime.format(created)); }
    public Builder author(String author) { this.author = author; return this; }
    public Builder platform(Platform platform) { this.platform = platform; return this; }
    public Builder config(ContainerConfig config) { this.config = config; return this; }
    public Builder rootfs(RootFs rootfs) { this.rootfs = rootfs; return this; }
    public Builder history(List<History> history) { this.history = history; return this; }
    public Builder extra(Map<String, JsonValue> extra) { this.extra = extra; return this; }

    public ImageConfig build() {
      Objects.requireNonNull(platform, "platform");
      return new ImageConfig(
          created, author, platform.architecture(), platform.os(), platform.osVersion(),
          platform.osFeatures(), platform.variant(), config, rootfs, history, extra);
    }
  }
}
