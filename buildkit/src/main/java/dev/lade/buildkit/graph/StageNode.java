package dev.lade.buildkit.graph;

import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.scope.FromEvaluation;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One stage of the build graph.
 *
 * @param stage the stage as written
 * @param from its FROM, expanded with the global scope
 * @param base what it starts from
 * @param stageSources the earlier stages it reads files from ({@code COPY --from}, {@code RUN
 *     --mount from=}), by index
 * @param imageSources the images it reads files from ({@code COPY --from=image}), as written
 * @param extraStates how many states BuildKit adds to the build for sources that are no stage
 *     (images, and scratch for every RUN mount without {@code from}); they decide whether
 *     progress shows stage names
 */
public record StageNode(
    Stage stage, FromEvaluation from, StageBase base, SortedSet<Integer> stageSources,
    List<String> imageSources, int extraStates) {
  public StageNode {
    stageSources = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(stageSources));
    imageSources = List.copyOf(imageSources);
  }

  /** The stage's index in the Dockerfile. */
  public int index() {
    return stage.index();
  }

  /** The name BuildKit shows for the stage: its {@code AS} name, else {@code stage-N}. */
  public String displayName() {
    return stage.name().orElse("stage-" + stage.index());
  }

  /** Every stage this one needs finished first: its base stage and its sources. */
  public Set<Integer> dependencies() {
    SortedSet<Integer> all = new TreeSet<>(stageSources);
    if (base instanceof StageBase.Stage s) all.add(s.index());
    return all;
  }
}
