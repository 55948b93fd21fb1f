package dev.lade.cli;

import dev.lade.registry.RegistryLogin;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade logout}: forgets the stored credentials of a registry. */
@Command(name = "logout", description = "Log out from a registry (Docker Hub if none is given).")
final class LogoutCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "The registry, such as localhost:5000.")
  String registry;

  @Mixin RegistryOptionsMixin options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String host = RegistryHostArgument.parse(registry);
    PrintWriter out = spec.commandLine().getOut();
    if (RegistryLogin.logout(host, options.dockerConfig())) {
      out.println("Removing login credentials for " + host);
    } else {
      out.println("Not logged in to " + host);
    }
    out.flush();
    return ExitCode.OK;
  }
}
