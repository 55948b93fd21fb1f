package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.InlineFile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.value.Chmod;
import dev.lade.dockerfile.value.Chown;
import dev.lade.dockerfile.value.InvalidValueException;
import java.util.List;
import java.util.Optional;

/** The parts of a COPY or ADD the copier acts on, with {@code --chown} and {@code --chmod} parsed. */
record CopyOptions(
    boolean add,
    List<String> sources,
    List<InlineFile> inlineSources,
    String destination,
    Optional<Chown> chown,
    Optional<Chmod> chmod,
    boolean link,
    boolean parents,
    List<String> excludes,
    Optional<String> checksum,
    Optional<Boolean> unpack,
    boolean keepGitDir,
    int line) {

  static CopyOptions of(Instruction instruction) throws CopyException {
    int line = instruction.location().startLine();
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    if (instruction instanceof Copy c) {
      return new CopyOptions(false, c.sources(), c.inlineSources(), c.destination(),
          chown(c.chown(), line), chmod(c.chmod(), line), c.link(), c.parents(), c.excludes(),
          Optional.empty(), Optional.of(false), false, line);
    }
    if (instruction instanceof Add a) {
      return new CopyOptions(true, a.sources(), a.inlineSources(), a.destination(),
          chown(a.chown(), line), chmod(a.chmod(), line), a.link(), false, a.excludes(),
          a.checksum(), a.unpack(), a.keepGitDir(), line);
    }
    throw new IllegalArgumentException("not a COPY or ADD: " + instruction.keyword());
  }

  /** The keyword, for messages. */
  String keyword() {
    return add ? "ADD" : "COPY";
  }

  private static Optional<Chown> chown(Optional<String> value, int line) throws CopyException {
    // BuildKit ignores an empty --chown= (no chown at all).
    if (value.isEmpty() || value.get().isEmpty()) return Optional.empty();
    try {
      return Optional.of(Chown.parse(value.get()));
    } catch (InvalidValueException e) {
      throw new CopyException(CopyException.Kind.INVALID_OPTION, line, e.getMessage(), e);
    }
  }

  private static Optional<Chmod> chmod(Optional<String> value, int line) throws CopyException {
    if (value.isEmpty() || value.get().isEmpty()) return Optional.empty();
    try {
      return Optional.of(Chmod.parse(value.get()));
    } catch (InvalidValueException e) {
      throw new CopyException(CopyException.Kind.INVALID_OPTION, line, e.getMessage(), e);
    }
  }
}
