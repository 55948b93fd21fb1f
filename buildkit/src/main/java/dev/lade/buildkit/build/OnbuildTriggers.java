package dev.lade.buildkit.build;

import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.SourceLocation;
import dev.lade.dockerfile.parser.DockerfileParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a base's ONBUILD triggers (as stored in its config) into instructions to run. */
final class OnbuildTriggers {
  private OnbuildTriggers() {}

  /**
   * The triggers as instructions; like BuildKit, errors point at the FROM line of the stage that
   * runs them.
   */
  static List<Instruction> parse(List<String> triggers, SourceLocation from) {
    List<Instruction> out = new ArrayList<>();
    for (String trigger : triggers) {
      try {
        Dockerfile parsed = Dockerfile.parse(("FROM scratch\n" + trigger).getBytes(StandardCharsets.UTF_8));
        List<Instruction> instructions = parsed.stages().get(0).instructions();
        if (instructions.size() != 1) throw new DockerfileParseException("onbuild trigger should be a single expression", 0, 0);
        out.add(instructions.get(0));
      } catch (DockerfileParseException e) {
        throw new DockerfileParseException(e.reason(), from.startLine(), 0);
      }
    }
    return out;
  }
}
