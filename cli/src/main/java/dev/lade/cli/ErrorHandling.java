package dev.lade.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Shows errors as one line on stderr ({@code lade: ...}, or {@code FILE:LINE:COL: ...} for a
 * malformed Dockerfile, followed on a terminal by the offending line and a caret), with a stack
 * trace only under {@code --debug}, and maps them to exit codes.
 */
final class ErrorHandling {
  private ErrorHandling() {}

  static void install(CommandLine cli) {
    cli.setParameterExceptionHandler(ErrorHandling::onUsageError);
    cli.setExecutionExceptionHandler(ErrorHandling::onExecutionError);
  }

  private static int onUsageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("lade: " + e.getMessage());
    if (debug(e.getCommandLine())) e.printStackTrace(err);
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    // docker run answers bad flags with 125, leaving lower codes to the command.
    return e.getCommandLine().getCommand() instanceof RunCommand ? RunCommand.LADE_FAILED : ExitCode.BAD_INPUT;
  }

  private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    // Located Dockerfile errors read like a compiler's, so editors can jump to them.
    err.println(Failures.isLocated(e) ? Failures.describe(e) : "lade: " + Failures.describe(e));
    if (e instanceof DockerfileSourceException s && Terminal.isInteractive()) err.print(s.excerpt());
    if (debug(cmd)) e.printStackTrace(err);
    err.flush();
    return Failures.exitCode(e);
  }

  private static boolean debug(CommandLine cmd) {
    CommandLine root = cmd;
    while (root.getParent() != null) root = root.getParent();
    return root.getCommand() instanceof Main m && m.debug;
  }
}
