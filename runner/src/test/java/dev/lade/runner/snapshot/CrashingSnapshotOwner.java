package dev.lade.runner.snapshot;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.runner.snapshot.extract.ExtractedLayers;
import dev.lade.runner.snapshot.extract.LayerExtractor;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import dev.lade.runner.snapshot.fs.IdMapping;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Owners;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate process for {@link StaleSnapshotTest}: prepares and mounts an overlay snapshot, says
 * where, and waits to be killed with SIGKILL. Arguments: snapshot root, store root, diff ID, blob.
 */
public final class CrashingSnapshotOwner {
  private CrashingSnapshotOwner() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    OciLayoutStore store = OciLayoutStore.open(Path.of(args[1]));
    Owners owners = new Owners(IdMapping.identity(), true);
    Snapshotter snapshotter = new OverlaySnapshotter(root,
        new ExtractedLayers(root, store.blobs(), new LayerExtractor(OverlayFormat.PRIVILEGED, owners, true)), owners);
    ActiveSnapshot s = snapshotter.prepare(List.of(new SnapshotLayer(Digest.parse(args[2]), Digest.parse(args[3]))));
    snapshotter.mount(s);
    System.out.println("ready " + s.id() + " " + s.rootfs());
    System.out.flush();
    Thread.sleep(60_000);
  }
}
