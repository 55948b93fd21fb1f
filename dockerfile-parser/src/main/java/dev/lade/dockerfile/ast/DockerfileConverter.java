package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.Node;
import dev.lade.dockerfile.parser.ParseWarning;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups the typed instructions into meta ARGs and stages, as BuildKit's
 * {@code instructions.Parse}, and locates every error.
 */
final class DockerfileConverter {
  private final SourceLines source;
  private final List<Arg> metaArgs = new ArrayList<>();
  private final List<Stage> stages = new ArrayList<>();
  private final Set<String> stageNames = new HashSet<>();
  private From from;
  private List<Instruction> current;

  private DockerfileConverter(SourceLines source) {
    this.source = source;
  }

  static Dockerfile convert(Node root, List<ParseWarning> warnings, SourceLines source) {
    DockerfileConverter c = new DockerfileConverter(source);
    for (Node node : root.children()) {
      try {
        c.add(InstructionParser.parse(node), node);
      } catch (InvalidInstructionException e) {
        throw c.located(e, node);
      }
    }
    c.endStage();
    if (c.stages.isEmpty()) {
      throw new DockerfileParseException("dockerfile contains no stages to build", 0, 0);
    }
    return new Dockerfile(c.metaArgs, c.stages, warnings);
  }

  private void add(Instruction instruction, Node node) {
    if (instruction instanceof From f) {
      endStage();
      f.stageName().ifPresent(name -> checkUnique(name, node));
      from = f;
      current = new ArrayList<>();
    } else if (from == null) {
      if (!(instruction instanceof Arg a)) {
        throw new InvalidInstructionException("no build stage in current context", node.value());
      }
      metaArgs.add(a);
    } else {
      current.add(instruction);
    }
  }

  /** BuildKit only lints this, but a repeated name makes {@code --from=name} ambiguous. */
  private void checkUnique(String name, Node node) {
    if (!stageNames.add(name)) {
      String asWritten = node.args().size() == 3 ? node.args().get(2).value() : name;
      throw new InvalidInstructionException("Duplicate stage name " + GoQuote.quote(name)
          + ", stage names should be unique", asWritten);
    }
  }

  private void endStage() {
    if (from == null) return;
    int end = current.isEmpty()
        ? from.location().endLine()
        : current.get(current.size() - 1).location().endLine();
    SourceLocation location = new SourceLocation(from.location().startLine(), end);
    Optional<String> name = from.stageName();
    stages.add(new Stage(stages.size(), name, from, current, location));
    from = null;
  }

  private DockerfileParseException located(InvalidInstructionException e, Node node) {
    int line = node.startLine();
    return new DockerfileParseException(e.getMessage(), line, source.column(line, e.near()));
  }
}
