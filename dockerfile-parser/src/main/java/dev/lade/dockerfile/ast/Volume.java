package dev.lade.dockerfile.ast;

import java.util.List;

/**
 * {@code VOLUME path...} or {@code VOLUME ["path", ...]}.
 *
 * @param paths the mount points, trimmed, unexpanded
 */
public record Volume(List<String> paths, SourceLocation location, String original) implements Instruction {
  public Volume {
    paths = List.copyOf(paths);
  }
}
