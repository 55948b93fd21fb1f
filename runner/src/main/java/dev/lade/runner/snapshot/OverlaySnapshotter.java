package dev.lade.runner.snapshot;

import dev.lade.oci.layer.LayerEntry;
import dev.lade.runner.snapshot.diff.OverlayDiff;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots as overlayfs mounts, as containerd's overlayfs snapshotter makes them: the unpacked
 * layers are the lower directories (shared by every snapshot using them), each snapshot gets a
 * fresh upper and work directory, and the upper directory is the diff. {@code redirect_dir} and
 * {@code metacopy} are off, so the upper directory always holds whole files and real directories;
 * rootless overlays use {@code userxattr}.
 */
public final class OverlaySnapshotter implements Snapshotter {
  /** The kernel rejects mount data longer than a page. */
  private static final int MAX_MOUNT_DATA = 4095;

  private final ExtractedLayers layers;
  private final ActiveSnapshots active;
  private final Owners owners;
  private final Mounter mounter;

  /**
   * @param root the snapshot store ({@code $LADE_ROOT/snapshots}) that {@code layers} unpacks into
   */
  public OverlaySnapshotter(Path root, ExtractedLayers layers, Owners owners) throws IOException {
    this(root, layers, owners, Mounter.libc());
  }

  /** An overlay snapshotter whose overlays {@code mounter} mounts and unmounts. */
  public OverlaySnapshotter(Path root, ExtractedLayers layers, Owners owners, Mounter mounter) throws IOException {
    this.layers = layers;
    this.active = new ActiveSnapshots(root, mounter);
    this.owners = owners;
    this.mounter = mounter;
  }

  @Override
  public OverlaySnapshot prepare(List<SnapshotLayer> chain) throws IOException {
    List<Path> lowers = new ArrayList<>(layers.ensure(chain));
    Path dir = active.create();
    try {
      if (lowers.isEmpty()) lowers.add(Files.createDirectory(dir.resolve("empty")));
      Path upper = Files.createDirectory(dir.resolve("upper"));
      Path work = Files.createDirectory(dir.resolve("work"));
      Path rootfs = Files.createDirectory(dir.resolve(ActiveSnapshots.ROOTFS));
      Files.setPosixFilePermissions(upper, PosixFilePermissions.fromString("rwxr-xr-x"));
      OverlayFormat format = layers.extractor().format();
      MountSpec mount = new MountSpec("overlay", "overlay", rootfs, options(lowers, upper, work, format));
      return new OverlaySnapshot(dir.getFileName().toString(), rootfs, lowers, upper, work, format, mount);
    } catch (IOException | RuntimeException e) {
      active.remove(dir.getFileName().toString());
      throw e;
    }
  }

  @Override
  public void mount(ActiveSnapshot snapshot) throws IOException {
    mounter.mount(overlay(snapshot).overlayMount());
  }

  @Override
  public List<LayerEntry> diff(ActiveSnapshot snapshot) throws IOException {
    OverlaySnapshot s = overlay(snapshot);
    return new OverlayDiff(s.upper(), s.lowers(), s.format(), owners).changes();
  }

  /**
   * The upper directory becomes the layer's: containerd's overlayfs snapshotter commits a snapshot
   * the same way. Its whiteouts and opaque markers are this overlay's own, as unpacking writes them.
   */
  @Override
  public boolean keep(ActiveSnapshot snapshot, List<SnapshotLayer> chain) throws IOException {
    OverlaySnapshot s = overlay(snapshot);
    active.unmountAll(s.rootfs()); // an upper directory cannot move from under a live mount
    return layers.adopt(chain, s.upper());
  }

  @Override
  public void remove(ActiveSnapshot snapshot) throws IOException {
    active.remove(overlay(snapshot).id());
  }

  @Override
  public void retain(ActiveSnapshot snapshot, Path owner) throws IOException {
    active.retain(overlay(snapshot).id(), owner);
  }

  @Override
  public void removeRetained(String id) throws IOException {
    active.removeRetained(id);
  }

  @Override
  public List<String> cleanupStale() throws IOException {
    layers.cleanupStale();
    return active.cleanupStale();
  }

  static List<String> options(List<Path> lowers, Path upper, Path work, OverlayFormat format) throws IOException {
    List<String> lowerNames = new ArrayList<>();
    for (Path lower : lowers.reversed()) lowerNames.add(checked(lower));
    List<String> options = new ArrayList<>(List.of(
        "lowerdir=" + String.join(":", lowerNames), "upperdir=" + checked(upper), "workdir=" + checked(work)));
    // userxattr already keeps redirects off (the kernel refuses redirect_dir with it).
    format.mountOption().ifPresentOrElse(options::add, () -> options.add("redirect_dir=off"));
    options.add("metacopy=off");
    int length = String.join(",", options).length();
    if (length > MAX_MOUNT_DATA) {
      throw new IOException("an overlay of " + lowers.size() + " layers needs " + length
          + " bytes of mount options, more than the kernel's " + MAX_MOUNT_DATA + "; use a shorter store path");
    }
    return options;
  }

  private static String checked(Path dir) throws IOException {
    String s = dir.toString();
    if (s.contains(",") || s.contains(":")) {
      throw new IOException(dir + ": an overlay directory's path must not contain ',' or ':'");
    }
    return s;
  }

  private static OverlaySnapshot overlay(ActiveSnapshot snapshot) {
    if (snapshot instanceof OverlaySnapshot s) return s;
    throw new IllegalArgumentException("snapshot " + snapshot.id() + " was not made by an OverlaySnapshotter");
  }
}
