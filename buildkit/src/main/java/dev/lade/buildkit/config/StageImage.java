package dev.lade.buildkit.config;

import dev.lade.dockerfile.scope.StageState;
import dev.lade.oci.image.ContainerConfig;
import dev.lade.oci.image.History;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.image.RootFs;
import dev.lade.oci.json.GoTime;
import dev.lade.oci.platform.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The image a stage is building, as BuildKit's dispatch state holds it: the config so far, its
 * history and its layers. Used by one thread; {@link #toConfig} and {@link #layers} are snapshots.
 */
public final class StageImage {
  /** The comment BuildKit puts on every history entry the Dockerfile frontend writes. */
  public static final String HISTORY_COMMENT = "buildkit.dockerfile.v0";

  private final Platform platform;
  /** SOURCE_DATE_EPOCH, which every new entry gets; without it, the times of the build's layers. */
  private final Instant created;
  private final boolean fixedTime;
  private final List<History> history;
  private final List<ImageLayer> layers;
  private ContainerConfig config;
  private String author;
  private boolean cmdSet;

  private StageImage(Platform platform, String author, ContainerConfig config, List<History> history,
      List<ImageLayer> layers, Instant created, boolean fixedTime) {
    this.fixedTime = fixedTime;
    this.platform = platform;
    this.author = author;
    this.config = config;
    this.history = new ArrayList<>(history);
    this.layers = new ArrayList<>(layers);
    this.created = created;
  }

  /**
   * An empty image, as BuildKit starts {@code FROM scratch}: WORKDIR {@code /} and the default
   * PATH.
   *
   * @param created SOURCE_DATE_EPOCH, else the build's time (the image's time when it has no layer)
   * @param fixedTime whether {@code created} is SOURCE_DATE_EPOCH, which every new history entry
   *     gets; else entries get the times of their layers, as BuildKit's exporter gives them
   */
  public static StageImage scratch(Platform platform, Instant created, boolean fixedTime) {
    ContainerConfig config = ContainerConfig.builder()
        .workingDir("/").env(List.of("PATH=" + StageState.DEFAULT_PATH)).build();
    return new StageImage(platform, "", config, List.of(), List.of(), created, fixedTime);
  }

  /**
   * An image starting from a base image's config and layers. Fields outside the image config
   * ({@code container_config}...) and the base's creation time are dropped as BuildKit drops them;
   * a PATH is added when the base has none (not on Windows).
   */
  public static StageImage of(ImageConfig base, List<ImageLayer> baseLayers, Instant created, boolean fixedTime) {
    ContainerConfig config = base.config().withoutExtra();
    boolean hasPath = config.env().stream().anyMatch(e -> e.startsWith("PATH="));
    if (!hasPath && !base.os().equals("windows")) {
      List<String> env = new ArrayList<>(config.env());
      env.add("PATH=" + StageState.DEFAULT_PATH);
      config = config.toBuilder().env(env).build();
    }
    return new StageImage(base.platform(), base.author(), config, base.history(), baseLayers, created, fixedTime);
  }

  /**
   * A stage built on this one ({@code FROM stage}): the same image without its ONBUILD triggers,
   * which do not carry over to a stage built on a stage.
   */
  public StageImage child() {
    return new StageImage(platform, author, config.toBuilder().onBuild(List.of()).build(), history, layers, created, fixedTime);
  }

  public Platform platform() { return platform; }

  public ContainerConfig config() { return config; }

  public List<ImageLayer> layers() { return List.copyOf(layers); }

  /** Replaces the execution config. */
  public void config(ContainerConfig newConfig) { this.config = newConfig; }

  /** MAINTAINER's effect. */
  public void author(String newAuthor) { this.author = newAuthor; }

  /** Whether this stage's Dockerfile set CMD (ENTRYPOINT then keeps it). */
  public boolean cmdSet() { return cmdSet; }

  void markCmdSet() { this.cmdSet = true; }

  /** Records a step that made no layer; its time comes from the layers around it ({@link HistoryTimes}). */
  public void addEmptyStep(String createdBy) {
    history.add(new History(fixedTime ? GoTime.format(created) : "", createdBy, "", HISTORY_COMMENT, true));
  }

  /** Records a step that made {@code layer}, first made at {@code layerCreated} (a cached layer keeps its time). */
  public void addLayerStep(ImageLayer layer, String createdBy, Instant layerCreated) {
    layers.add(layer);
    history.add(new History(GoTime.format(fixedTime ? created : layerCreated), createdBy, "", HISTORY_COMMENT, false));
  }

  /**
   * The image config: this image's platform unless {@code target} overrides it; history times as
   * BuildKit's exporter fills them, and {@code created} the last of them (the build's time when
   * there is none), so that a rebuild from the cache gives the same config.
   */
  public ImageConfig toConfig(Platform target) {
    List<History> filled = HistoryTimes.fill(history);
    String imageCreated = fixedTime ? GoTime.format(created) : HistoryTimes.imageCreated(filled);
    return ImageConfig.builder(target)
        .created(imageCreated.isEmpty() ? GoTime.format(created) : imageCreated)
        .author(author)
        .config(config)
        .rootfs(RootFs.layers(layers.stream().map(ImageLayer::diffId).toList()))
        .history(filled)
        .build();
  }
}
