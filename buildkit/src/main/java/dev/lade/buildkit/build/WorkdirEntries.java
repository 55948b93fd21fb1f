package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layer of WORKDIR: BuildKit's {@code mkdir -p} of the directory (mode 0755, owned by the
 * stage's USER), which adds the missing directories and changes the modification time of the
 * deepest existing one that gains a child; the existing directories above that one come as they
 * are (checked against dockerd 20.10: {@code WORKDIR y} in an existing {@code /double/x}).
 */
final class WorkdirEntries {
  private WorkdirEntries() {}

  /**
   * The entries creating {@code workdir} (absolute, clean) on {@code rootfs}.
   *
   * @throws IllegalArgumentException when a component exists and is not a directory
   */
  static List<LayerEntry> mkdirs(FileTree rootfs, String workdir, UserIds owner, Instant time) throws IOException {
    List<LayerEntry> entries = new ArrayList<>();
    String path = "";
    LayerEntry.Directory parent = null;
    List<LayerEntry.Directory> above = new ArrayList<>(); // the existing directories above parent
    for (String part : workdir.substring(1).split("/")) {
      if (part.isEmpty()) continue; // the root itself: WORKDIR // is a step of its own, with nothing to make
      path = path.isEmpty() ? part : path + "/" + part;
      Optional<LayerEntry> existing = rootfs.lookup(path);
      if (existing.isEmpty()) {
        if (parent != null) {
          entries.addAll(above); // unchanged, but parents of a changed path: containerd's differ lists them
          entries.add(new LayerEntry.Directory(parent.path(), parent.metadata().withModTime(time)));
        }
        parent = null;
        above.clear();
        entries.add(new LayerEntry.Directory(path, EntryMetadata.of(0755, owner.uid(), owner.gid(), time)));
        continue;
      }
      switch (existing.get()) {
        case LayerEntry.Directory d -> {
          if (entries.isEmpty() && parent != null) above.add(parent);
          parent = entries.isEmpty() ? d : null;
        }
        case LayerEntry.Symlink s -> {
          parent = null; // followed by mkdir; its target is not changed here
          above.clear();
        }
        default -> throw new IllegalArgumentException("mkdir /" + path + ": not a directory");
      }
    }
    return entries;
  }
}
