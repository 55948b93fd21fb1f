package dev.lade.cli;

import dev.lade.registry.RegistryLogin;
import dev.lade.registry.auth.Credential;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade login}: checks credentials against a registry and stores them as Docker does. */
@Command(name = "login", description = "Log in to a registry (Docker Hub if none is given).")
final class LoginCommand implements Callable<Integer> {
  @Option(names = {"-u", "--username"}, description = "User name.")
  String username;

  @Option(names = {"-p", "--password"}, description = "Password (insecure: prefer --password-stdin).")
  String password;

  @Option(names = "--password-stdin", description = "Read the password from standard input.")
  boolean passwordStdin;

  @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "The registry, such as localhost:5000.")
  String registry;

  @Mixin RegistryOptionsMixin options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (password != null && passwordStdin) {
      throw new UserInputException("--password and --password-stdin are mutually exclusive");
    }
    String host = RegistryHostArgument.parse(registry);
    if (password != null) err.println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
    if (passwordStdin && username == null) throw new UserInputException("Must provide --username with --password-stdin");
    Console console = System.console();
    String user = username != null ? username : prompt(console, "Username: ");
    String secret = password != null ? password
        : passwordStdin ? readStdin() : promptPassword(console);
    if (user == null || user.isBlank()) throw new UserInputException("username required");
    if (secret.isEmpty()) throw new UserInputException("password required");

    RegistryLogin.login(host, new Credential.UsernamePassword(user.strip(), secret),
        options.transport(), options.dockerConfig());
    spec.commandLine().getOut().println("Login Succeeded");
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  private static String prompt(Console console, String question) {
    if (console == null) throw new UserInputException("username required: give -u or run in a terminal");
    return console.readLine(question);
  }

  private static String promptPassword(Console console) {
    if (console == null) throw new UserInputException("password required: give --password-stdin or run in a terminal");
    char[] typed = console.readPassword("Password: ");
    return typed == null ? "" : new String(typed);
  }

  /** The password on stdin, without the line break that {@code echo} adds, as Docker. */
  private static String readStdin() throws IOException {
    String all = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    return all.replaceAll("[\r\n]+$", "");
  }
}
