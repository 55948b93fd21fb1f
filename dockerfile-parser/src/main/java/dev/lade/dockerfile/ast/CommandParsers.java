package dev.lade.dockerfile.ast;

/** CMD, ENTRYPOINT and SHELL: instructions that are just a command line. */
final class CommandParsers {
  private CommandParsers() {}

  static Cmd cmd(InstructionRequest req) {
    req.noFlags();
    return new Cmd(req.commandLine(), req.location(), req.code());
  }

  static Entrypoint entrypoint(InstructionRequest req) {
    req.noFlags();
    return new Entrypoint(req.commandLine(), req.location(), req.code());
  }

  /** SHELL must be a non-empty JSON array. */
  static Shell shell(InstructionRequest req) {
    req.noFlags();
    if (req.args().isEmpty()) throw InvalidInstructionException.atLeastOneArgument("SHELL");
    if (!req.json()) throw InvalidInstructionException.notJson("SHELL");
    return new Shell(req.args(), req.location(), req.code());
  }
}
