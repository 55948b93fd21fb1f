package dev.lade.buildkit.graph;

import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Mount;
import dev.lade.dockerfile.ast.Run;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.VariableScope;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a stage reads besides its base: stages and images named by {@code COPY --from} and {@code
 * RUN --mount from=}.
 *
 * @param stages the stages read, by index
 * @param images the images read, as written
 * @param extraStates how many states BuildKit's dispatcher adds to the build for these sources:
 *     one per {@code COPY --from} or mount that names no stage (an image, or scratch for a mount
 *     without {@code from}, whatever its type)
 */
record StageSources(SortedSet<Integer> stages, List<String> images, int extraStates) {

  static StageSources of(Dockerfile dockerfile, Stage stage, ShellLexer lexer) {
    SortedSet<Integer> stages = new TreeSet<>();
    List<String> images = new ArrayList<>();
    int extraStates = 0;
    for (Instruction instruction : stage.instructions()) {
      for (String from : froms(instruction, lexer)) {
        Optional<Integer> index = resolve(dockerfile, from, instruction);
        if (index.isPresent()) {
          stages.add(index.get());
          continue;
        }
        extraStates++;
        if (!from.isEmpty() && !images.contains(from)) images.add(from);
      }
    }
    return new StageSources(stages, images, extraStates);
  }

  /**
   * The stage {@code from} names: a stage name (any case), or for COPY a stage index; empty for an
   * image.
   */
  static Optional<Integer> resolve(Dockerfile dockerfile, String from, Instruction at) {
    if (at instanceof Copy) {
      try {
        int index = Integer.parseInt(from);
        if (index < 0 || index >= dockerfile.stages().size()) {
          throw new DockerfileParseException("invalid stage index " + index, at.location().startLine(), 0);
        }
        return Optional.of(index);
      } catch (NumberFormatException notIndex) {
        // a name
      }
    }
    return dockerfile.stage(from).map(Stage::index);
  }

  /** The {@code from} of each source the instruction names; empty for a mount without one. */
  private static List<String> froms(Instruction instruction, ShellLexer lexer) {
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    if (instruction instanceof Copy c && c.from().isPresent()) return List.of(literal(c.from().get(), c, lexer));
    if (instruction instanceof Run r) return r.mounts().stream().map(m -> mountFrom(m).orElse("")).toList();
    return List.of();
  }

  private static Optional<String> mountFrom(Mount m) {
    return switch (m) {
      case Mount.Bind b -> b.from();
      case Mount.Cache c -> c.from();
      case Mount.Tmpfs t -> Optional.empty();
      case Mount.Secret s -> Optional.empty();
      case Mount.Ssh s -> Optional.empty();
    };
  }

  /** BuildKit refuses variables in {@code --from}: it must read the same with nothing set. */
  private static String literal(String from, Copy at, ShellLexer lexer) {
    String expanded;
    try {
      expanded = lexer.process(from, VariableScope.empty()).result();
    } catch (RuntimeException e) {
      expanded = null;
    }
    if (!from.equals(expanded)) {
      throw new DockerfileParseException("variable expansion is not supported for --from, define a new stage with "
          + "FROM using ARG from global scope as a workaround", at.location().startLine(), 0);
    }
    return from;
  }
}
