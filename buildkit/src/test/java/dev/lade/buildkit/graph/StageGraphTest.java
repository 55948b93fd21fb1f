package dev.lade.buildkit.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.AutomaticArgs;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.scope.ScopeOptions;
import dev.lade.dockerfile.shell.ShellLexer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageGraphTest {

  static StageGraph graph(String text, String target) {
    Dockerfile dockerfile = Dockerfile.parse(text.getBytes(StandardCharsets.UTF_8));
    ShellLexer lexer = new ShellLexer('\\');
    GlobalScope globals = GlobalScope.evaluate(dockerfile.metaArgs(),
        AutomaticArgs.of(dockerfile, ScopeOptions.defaults()), BuildArgs.none(), lexer);
    return StageGraph.of(dockerfile, globals, lexer, Optional.ofNullable(target));
  }

  private static List<Integer> needed(StageGraph g) {
    return g.needed().stream().map(StageNode::index).toList();
  }

  @Test
  void onlyTheStagesTheTargetNeedsAreBuilt() {
    StageGraph g = graph("""
        FROM busybox AS base
        FROM base AS build
        COPY --from=tools /x /x
        FROM scratch AS tools
        FROM scratch AS unused
        FROM build
        """.replace("COPY --from=tools /x /x\n", ""), null);
    assertEquals(List.of(0, 1, 4), needed(g));
    assertInstanceOf(StageBase.Stage.class, g.nodes().get(1).base());
    assertInstanceOf(StageBase.Image.class, g.nodes().get(0).base());
    assertInstanceOf(StageBase.Scratch.class, g.nodes().get(2).base());
  }

  @Test
  void copyFromByNameAnyCaseOrIndexIsADependency() {
    StageGraph g = graph("""
        FROM scratch AS one
        FROM scratch AS two
        FROM scratch
        COPY --from=ONE /a /a
        COPY --from=1 /b /b
        COPY --from=alpine:3.19 /c /c
        RUN --mount=type=bind,from=one,target=/m true
        """, null);
    StageNode last = g.targetNode();
    assertEquals(Set.of(0, 1), last.dependencies());
    assertEquals(List.of("alpine:3.19"), last.imageSources());
  }

  /** BuildKit adds a state per image source and per RUN mount without a stage: stage names then show. */
  @Test
  void oneStageIsSingleUnlessItReadsImagesOrMounts() {
    assertEquals(true, graph("FROM busybox\nRUN true\nCOPY a /a\n", null).singleStage());
    assertEquals(false, graph("FROM busybox\nRUN --mount=type=cache,target=/c true\n", null).singleStage());
    assertEquals(false, graph("FROM busybox\nRUN --mount=type=tmpfs,target=/t true\n", null).singleStage());
    assertEquals(false, graph("FROM busybox\nCOPY --from=alpine /a /a\n", null).singleStage());
    assertEquals(false, graph("FROM busybox AS a\nFROM a\n", null).singleStage());
  }

  @Test
  void targetSelectsAStageByName() {
    StageGraph g = graph("FROM scratch AS a\nFROM scratch AS b\n", "A");
    assertEquals(0, g.target());
    assertEquals(List.of(0), needed(g));
  }

  @Test
  void unknownTargetIsRefused() {
    var e = assertThrows(UnknownTargetException.class, () -> graph("FROM scratch AS a\n", "nope"));
    assertEquals("target stage \"nope\" could not be found", e.getMessage());
    var near = assertThrows(UnknownTargetException.class, () -> graph("FROM scratch AS build\nFROM build AS final\n", "biuld"));
    assertEquals("target stage \"biuld\" could not be found (did you mean build?)", near.getMessage());
  }

  @Test
  void cyclesAreRefusedAtTheStage() {
    var e = assertThrows(DockerfileParseException.class, () -> graph("""
        FROM scratch AS a
        COPY --from=b /x /x
        FROM scratch AS b
        COPY --from=a /y /y
        """, null));
    assertEquals("Dockerfile:1: circular dependency detected on stage: a", e.getMessage());
  }

  @Test
  void copyFromALaterStageIsRefused() {
    var e = assertThrows(DockerfileParseException.class, () -> graph("""
        FROM scratch AS a
        COPY --from=b /x /x
        FROM scratch AS b
        """, null));
    assertEquals("cannot copy from stage \"b\", it needs to be defined before current stage \"a\"", e.reason());
  }

  @Test
  void badIndexAndVariablesInFromAreRefused() {
    var index = assertThrows(DockerfileParseException.class, () -> graph("FROM scratch\nCOPY --from=3 /a /a\n", null));
    assertEquals("Dockerfile:2: invalid stage index 3", index.getMessage());
    var variable = assertThrows(DockerfileParseException.class,
        () -> graph("FROM scratch\nARG S=a\nCOPY --from=$S /a /a\n", null));
    assertEquals(3, variable.line());
  }

  @Test
  void fromUsesGlobalArgs() {
    StageGraph g = graph("ARG BASE=busybox:1.36\nFROM ${BASE}\n", null);
    assertEquals(new StageBase.Image("busybox:1.36", Optional.empty()), g.targetNode().base());
  }
}
