package dev.lade.buildkit.graph;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.SourceLocation;
import dev.lade.dockerfile.ast.Stage;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.FromEvaluation;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The stages of a Dockerfile as a DAG, as BuildKit's {@code dockerfile2llb} links them: a stage
 * depends on the stage its FROM names (only earlier ones, by exact name), and on the stages its
 * {@code COPY --from} (by name, any case, or by index) and {@code RUN --mount from=} read.
 *
 * @param nodes every stage, by index
 * @param target the index of the stage to build
 */
public record StageGraph(List<StageNode> nodes, int target) {
  public StageGraph {
    nodes = List.copyOf(nodes);
  }

  /**
   * Links the stages of {@code dockerfile}.
   *
   * @param globals the global scope FROM lines are expanded with
   * @param target the {@code --target} stage; empty for the last
   * @throws UnknownTargetException when {@code target} names no stage
   * @throws DockerfileParseException (located) for a bad stage index, a variable in {@code
   *     --from}, a cycle, or a copy from a later stage
   */
  public static StageGraph of(Dockerfile dockerfile, GlobalScope globals, ShellLexer lexer, Optional<String> target) {
    List<StageNode> nodes = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      FromEvaluation from = FromEvaluation.evaluate(stage.from(), globals, lexer);
      StageBase base = base(dockerfile, stage, from);
      StageSources sources = StageSources.of(dockerfile, stage, lexer);
      nodes.add(new StageNode(stage, from, base, sources.stages(), sources.images(),
          sources.extraStates()));
    }
    StageGraph graph = new StageGraph(nodes, targetIndex(dockerfile, target));
    graph.checkCycles();
    graph.checkOrder();
    return graph;
  }

  /** The stage to build. */
  public StageNode targetNode() {
    return nodes.get(target);
  }

  /** The stages the target needs, itself included, in Dockerfile order. */
  public List<StageNode> needed() {
    BitSet seen = new BitSet();
    Deque<Integer> pending = new ArrayDeque<>(List.of(target));
    while (!pending.isEmpty()) {
      int i = pending.pop();
      if (seen.get(i)) continue;
      seen.set(i);
      pending.addAll(nodes.get(i).dependencies());
    }
    return seen.stream().mapToObj(nodes::get).toList();
  }

  /**
   * Whether BuildKit's dispatcher sees one state only, and so shows no stage name in progress: one
   * stage that reads no image and has no RUN mount (each adds a state, even a cache mount).
   */
  public boolean singleStage() {
    return nodes.size() == 1 && nodes.get(0).extraStates() == 0;
  }

  private static StageBase base(Dockerfile dockerfile, Stage stage, FromEvaluation from) {
    String name = from.base();
    for (int i = stage.index() - 1; i >= 0; i--) {
      if (dockerfile.stages().get(i).name().filter(name::equals).isPresent()) return new StageBase.Stage(i);
    }
    if (name.equals("scratch")) return new StageBase.Scratch();
    return new StageBase.Image(name, from.platform());
  }

  private static int targetIndex(Dockerfile dockerfile, Optional<String> target) {
    if (target.isEmpty()) return dockerfile.stages().size() - 1;
    return dockerfile.stage(target.get()).map(Stage::index).orElseThrow(() -> new UnknownTargetException(target.get(),
        dockerfile.stages().stream().flatMap(s -> s.name().stream()).toList()));
  }

  /** BuildKit's check, run before the order check: a stage may not (indirectly) read itself. */
  private void checkCycles() {
    int[] state = new int[nodes.size()]; // 0 new, 1 on the path, 2 done
    for (StageNode node : nodes) {
      if (state[node.index()] == 0 && onCycle(node.index(), state)) {
        throw located("circular dependency detected on stage: " + node.displayName(), node.stage().location());
      }
    }
  }

  private boolean onCycle(int i, int[] state) {
    state[i] = 1;
    for (int dep : nodes.get(i).dependencies()) {
      if (state[dep] == 1) return true;
      if (state[dep] == 0 && onCycle(dep, state)) return true;
    }
    state[i] = 2;
    return false;
  }

  private void checkOrder() {
    for (StageNode node : nodes) {
      SortedSet<Integer> later = node.stageSources().tailSet(node.index());
      if (!later.isEmpty()) {
        StageNode source = nodes.get(later.first());
        throw located("cannot copy from stage \"" + source.displayName() + "\", it needs to be defined before current stage \""
            + node.displayName() + "\"", node.stage().location());
      }
    }
  }

  private static DockerfileParseException located(String reason, SourceLocation at) {
    return new DockerfileParseException(reason, at.startLine(), 0);
  }
}
