package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.parser.Node;
import java.util.List;
import java.util.Locale;

/** Turns one instruction node into its typed {@link Instruction}: BuildKit's {@code ParseInstruction}. */
final class InstructionParser {
  static final List<String> NAMES = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
      "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
      "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

  private InstructionParser() {}

  static Instruction parse(Node node) {
    return parse(InstructionRequest.of(node));
  }

  static Instruction parse(InstructionRequest req) {
    return switch (req.keyword().toLowerCase(Locale.ROOT)) {
      case "env" -> ConfigParsers.env(req);
      case "maintainer" -> ConfigParsers.maintainer(req);
      case "label" -> ConfigParsers.label(req);
      case "add" -> CopyParsers.add(req);
      case "copy" -> CopyParsers.copy(req);
      case "from" -> FromParser.from(req);
      case "onbuild" -> OnbuildParser.onbuild(req);
      case "workdir" -> ConfigParsers.workdir(req);
      case "run" -> RunParser.run(req);
      case "cmd" -> CommandParsers.cmd(req);
      case "healthcheck" -> HealthcheckParser.healthcheck(req);
      case "entrypoint" -> CommandParsers.entrypoint(req);
      case "expose" -> ConfigParsers.expose(req);
      case "user" -> ConfigParsers.user(req);
      case "volume" -> ConfigParsers.volume(req);
      case "stopsignal" -> ConfigParsers.stopSignal(req);
      case "arg" -> ConfigParsers.arg(req);
      case "shell" -> CommandParsers.shell(req);
      default -> throw new InvalidInstructionException(Suggest.withSuggestion(
          "unknown instruction: " + req.keyword(), req.keyword(), NAMES, false), req.keyword());
    };
  }
}
