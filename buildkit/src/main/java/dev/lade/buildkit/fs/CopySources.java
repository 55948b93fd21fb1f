package dev.lade.buildkit.fs;

import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Instruction;
import java.util.Objects;

/**
 * One COPY or ADD after variable expansion and the tree its sources come from: what its cache key
 * depends on besides the destination.
 *
 * @param instruction the expanded {@code Copy} or {@code Add}, as in {@link CopyRequest}
 * @param source the build context, or the root filesystem {@code --from} names
 * @param fromContext whether {@code source} is the build context
 */
public record CopySources(Instruction instruction, FileTree source, boolean fromContext) {
  public CopySources {
    Objects.requireNonNull(instruction, "instruction");
    if (!(instruction instanceof Copy) && !(instruction instanceof Add)) {
      throw new IllegalArgumentException("not a COPY or ADD: " + instruction.keyword());
    }
    Objects.requireNonNull(source, "source");
  }
}
