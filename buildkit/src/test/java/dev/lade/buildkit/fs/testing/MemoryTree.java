package dev.lade.buildkit.fs.testing;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link FileTree} held in memory, built entry by entry, for tests. */
public final class MemoryTree implements FileTree {
  public static final Instant T = Instant.parse("2024-01-02T03:04:05Z");
  private final TreeMap<String, LayerEntry> entries = new TreeMap<>();

  public MemoryTree dir(String path, int mode, long uid, long gid) {
    entries.put(path, new LayerEntry.Directory(path, EntryMetadata.of(mode, uid, gid, T)));
    return this;
  }

  public MemoryTree dir(String path) {
    return dir(path, 0755, 0, 0);
  }

  public MemoryTree file(String path, String content, int mode, long uid, long gid) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    entries.put(path, new LayerEntry.File(path, EntryMetadata.of(mode, uid, gid, T), data.length,
        () -> new ByteArrayInputStream(data)));
    return this;
  }

  public MemoryTree file(String path, String content) {
    return file(path, content, 0644, 0, 0);
  }

  public MemoryTree symlink(String path, String target) {
    entries.put(path, new LayerEntry.Symlink(path, target, EntryMetadata.of(0777, 0, 0, T)));
    return this;
  }

  public MemoryTree put(LayerEntry entry) {
    entries.put(entry.path(), entry);
    return this;
  }

  @Override
  public Optional<LayerEntry> lookup(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  @Override
  public List<String> children(String path) {
    if (!path.isEmpty() && !(entries.get(path) instanceof LayerEntry.Directory)) return List.of();
    return entries.keySet().stream()
        .filter(p -> !p.isEmpty() && TreePaths.parent(p).equals(path))
        .map(TreePaths::name)
        .sorted(TreePaths.BYTE_ORDER)
        .toList();
  }
}
