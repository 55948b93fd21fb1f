package dev.lade.cli;

import picocli.CommandLine;

/** The one place that lists lade's subcommands. */
final class Commands {
  private Commands() {}

  static void register(CommandLine cli) {
    cli.addSubcommand(new ParseCommand());
    cli.addSubcommand(new CheckCommand());
    cli.addSubcommand(new BuildCommand());
    cli.addSubcommand(new LoginCommand());
    cli.addSubcommand(new LogoutCommand());
    // Images at rest: the local store and archives.
    cli.addSubcommand(new ImagesCommand());
    cli.addSubcommand(new InspectCommand());
    cli.addSubcommand(new TagCommand());
    cli.addSubcommand(new RmiCommand());
    cli.addSubcommand(new PruneCommand());
    cli.addSubcommand(new FsckCommand());
    cli.addSubcommand(new SaveCommand());
    cli.addSubcommand(new LoadCommand());
    cli.addSubcommand(new ImportCommand());
    // Containers.
    cli.addSubcommand(new RunCommand());
    // As docker run: what follows the image is the command's, even when it looks like a flag.
    cli.getSubcommands().get("run").setStopAtPositional(true);
    // Images on registries.
    cli.addSubcommand(new PullCommand());
    cli.addSubcommand(new PushCommand());
    cli.addSubcommand(new CopyCommand());
    cli.addSubcommand(new ResolveCommand());
    cli.addSubcommand(new TagsCommand());
    cli.addSubcommand(new ManifestCommand());
    cli.addSubcommand(new DeleteCommand());
  }
}
