package dev.lade.runner.snapshot;

import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.OverlayFormat;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a path in an overlay snapshot's layers as the mounted overlay would show it, without the
 * mount (a rootless overlay is mounted only in the container's user namespace): the topmost layer
 * holding it wins, a whiteout or a non-directory above hides it, an opaque directory hides what the
 * layers below hold in it. Symbolic links on the way are not followed: such a path is not found.
 */
public final class LayerLookup {
  private LayerLookup() {}

  /**
   * Where {@code path} (absolute, inside the container) is, in {@code snapshot}'s upper directory or
   * one of its lower layers.
   */
  public static Optional<Path> find(OverlaySnapshot snapshot, String path) throws IOException {
    List<Path> topFirst = new ArrayList<>(snapshot.lowers());
    topFirst.add(snapshot.upper());
    return find(topFirst.reversed(), snapshot.format(), path);
  }

  /** The lines of the text file {@code path} in {@code snapshot}; none when it has no such regular file. */
  public static List<String> lines(OverlaySnapshot snapshot, String path) throws IOException {
    Optional<Path> found = find(snapshot, path);
    return found.isPresent() && Files.isRegularFile(found.get())
        ? Files.readAllLines(found.get(), StandardCharsets.UTF_8) : List.of();
  }

  static Optional<Path> find(List<Path> layersTopFirst, OverlayFormat format, String path) throws IOException {
    List<String> names = List.of(path.split("/")).stream().filter(n -> !n.isEmpty() && !n.equals(".")).toList();
    for (Path layer : layersTopFirst) {
      Path current = layer;
      boolean opaque = false;
      for (int i = 0; i < names.size(); i++) {
        current = current.resolve(names.get(i));
        FileStat stat = Trees.statOrNull(current);
        if (stat == null) break;
        if (format.isWhiteout(current, stat)) return Optional.empty();
        if (i == names.size() - 1) return Optional.of(current);
        if (!stat.isDirectory()) return Optional.empty();
        opaque |= format.isOpaque(current);
      }
      if (names.isEmpty()) return Optional.of(layer);
      if (opaque) return Optional.empty(); // the layers below are hidden under an opaque directory
    }
    return Optional.empty();
  }
}
