package dev.lade.cli;

import picocli.CommandLine;

/** The one place that lists lade's subcommands. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli) {
    cli.addSubcommand(new ParseCommand());
    cli.addSubcommand(new CheckCommand());
    cli.addSubcommand(new LoginCommand());
    cli.addSubcommand(new LogoutCommand());
  }
}
