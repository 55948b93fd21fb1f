package dev.lade.buildkit.fs;

import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Instruction;
import java.util.Objects;

/**
 * One COPY or ADD after variable expansion.
 *
 * @param instruction the instruction's {@code Copy} or {@code Add} AST node with its words already
 *     expanded (sources, destination and flag values), so the copier reads flags such as
 *     {@code --chown}, {@code --chmod}, {@code --link}, {@code --parents}, {@code --exclude},
 *     {@code --checksum}, {@code --unpack} and {@code --keep-git-dir} from it
 * @param source where the sources are read from: the build context (after .dockerignore), or the
 *     root filesystem of the stage or image named by {@code --from}
 * @param destination the root filesystem the step writes onto (for existing directories,
 *     symlinks in the destination path, and the /etc/passwd and /etc/group that {@code --chown}
 *     names are looked up in)
 * @param workdir the stage's WORKDIR, absolute, that a relative destination is resolved against
 * @param fromContext whether {@code source} is the build context (ADD only unpacks archives and
 *     fetches URLs then)
 */
public record CopyRequest(
    Instruction instruction,
    FileTree source,
    FileTree destination,
    String workdir,
    boolean fromContext) {

  public CopyRequest {
    Objects.requireNonNull(instruction, "instruction");
    if (!(instruction instanceof Copy)
        && !(instruction instanceof Add)) {
      throw new IllegalArgumentException("not a COPY or ADD: " + instruction.keyword());
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(workdir, "workdir");
  }
}
