package dev.lade.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The one place that lists lade's subcommands, under the names their {@code @Command}s give. */
final class Commands {
  private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("parse", ParseCommand::new);
    ALL.put("check", CheckCommand::new);
    ALL.put("build", BuildCommand::new);
    ALL.put("login", LoginCommand::new);
    ALL.put("logout", LogoutCommand::new);
    // Images at rest: the local store and archives.
    ALL.put("images", ImagesCommand::new);
    ALL.put("inspect", InspectCommand::new);
    ALL.put("tag", TagCommand::new);
    ALL.put("rmi", RmiCommand::new);
    ALL.put("prune", PruneCommand::new);
    ALL.put("fsck", FsckCommand::new);
    ALL.put("save", SaveCommand::new);
    ALL.put("load", LoadCommand::new);
    ALL.put("import", ImportCommand::new);
    // Containers.
    ALL.put("run", RunCommand::new);
    ALL.put("exec", ExecCommand::new);
    ALL.put("ps", PsCommand::new);
    ALL.put("logs", LogsCommand::new);
    ALL.put("stop", StopCommand::new);
    ALL.put("kill", KillCommand::new);
    ALL.put("rm", RmCommand::new);
    // Images on registries.
    ALL.put("pull", PullCommand::new);
    ALL.put("push", PushCommand::new);
    ALL.put("copy", CopyCommand::new);
    ALL.put("resolve", ResolveCommand::new);
    ALL.put("tags", TagsCommand::new);
    ALL.put("manifest", ManifestCommand::new);
    ALL.put("delete", DeleteCommand::new);
  }

  private Commands() {}

  /**
   * Registers only the subcommand {@code args} run, when they name one; else (help, a typo, no
   * command) every subcommand. picocli builds its model of a command by reflection, and building
   * all of them took a third of a second of CPU at every start (bench/RESULTS.md).
   */
  static void register(CommandLine cli, String... args) {
    // A plain version query needs no subcommand at all.
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return;
    Optional<String> named = subcommandOf(args).filter(ALL::containsKey);
    if (named.isPresent()) {
      add(cli, named.get());
    } else {
      // picocli's own help command, listed first; built by picocli's reflection, as only help and typos need it.
      cli.addSubcommand(new CommandLine.HelpCommand());
      ALL.keySet().forEach(name -> add(cli, name));
    }
  }

  /** The names of all subcommands, in the order help lists them. */
  static Set<String> names() {
    return Collections.unmodifiableSet(ALL.keySet());
  }

  private static void add(CommandLine cli, String name) {
    Object command = ALL.get(name).get();
    cli.addSubcommand(AnnotatedCommandSpecs.model(command, cli.getCommand()));
    // As docker's: --help on every command, usage even when required parameters are missing. Not -h: run's hostname.
    cli.getSubcommands().get(name).getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("--help")
        .usageHelp(true).description("Show this help message and exit.").build());
    // As docker run and exec: what follows the image or container is the command's, even when it looks like a flag.
    if (name.equals("run") || name.equals("exec")) cli.getSubcommands().get(name).setStopAtPositional(true);
  }

  /** The first argument after lade's own options ({@code --debug}, {@code --root DIR}, {@code --snapshotter KIND}), or null. */
  static String subcommandName(String... args) {
    return subcommandOf(args).orElse(null);
  }

  private static Optional<String> subcommandOf(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--root") || arg.equals("--snapshotter")) {
        i++;
      } else if (!arg.equals("--debug") && !arg.startsWith("--root=") && !arg.startsWith("--snapshotter=")) {
        return arg.startsWith("-") ? Optional.empty() : Optional.of(arg);
      }
    }
    return Optional.empty();
  }
}
