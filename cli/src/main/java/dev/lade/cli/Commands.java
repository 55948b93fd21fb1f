package dev.lade.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The one place that lists lade's subcommands.
 *
 * <p>picocli builds each command's model by reflection when it is added, and its Java 5 class files keep that code
 * out of the JVM's start-up caches: adding all of them took about a third of a no-op {@code lade build}. So an
 * invocation that names its subcommand gets only that one; help, errors and anything unusual get them all.
 */
final class Commands {
  /** Each subcommand by the name its {@code @Command} gives it, in the order help lists them. */
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

  /** Adds every subcommand. */
  static void register(CommandLine cli) {
    ALL.values().forEach(command -> cli.addSubcommand(command.get()));
    configure(cli);
  }

  /**
   * Adds the subcommand {@code args} invoke, none for a plain {@code --version}, or every subcommand when they name
   * none of them.
   */
  static void register(CommandLine cli, String... args) {
    List<String> given = List.of(args);
    if (given.equals(List.of("--version")) || given.equals(List.of("-V"))) {
      return;
    }
    Supplier<Object> named = ALL.get(subcommandName(args));
    if (named == null) {
      register(cli);
    } else {
      cli.addSubcommand(named.get());
      configure(cli);
    }
  }

  /** The first argument that is not one of {@link Main}'s own options (or its value), or null. */
  static String subcommandName(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--root")) {
        i++; // its value
      } else if (arg.equals("--")) {
        return null;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static void configure(CommandLine cli) {
    CommandLine run = cli.getSubcommands().get("run");
    if (run != null) {
      // As docker run: what follows the image is the command's, even when it looks like a flag.
      run.setStopAtPositional(true);
    }
  }
}
