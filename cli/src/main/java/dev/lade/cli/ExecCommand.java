package dev.lade.cli;

import dev.lade.runner.launch.Execution;
import dev.lade.runner.launch.LaunchException;
import dev.lade.runner.launch.Stdio;
import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.Containers;
import dev.lade.runner.lifecycle.ExecOptions;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade exec}: runs a command in a running container, as docker exec: in its namespaces and cgroup, as its
 * user, with its environment, in its working directory, unless told otherwise. Exits with the command's code, or
 * 125 when lade fails.
 */
@Command(name = "exec", description = "Run a command in a running container.")
final class ExecCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--interactive"}, description = "Keep standard input open.")
  boolean interactive;

  @Option(names = {"-t", "--tty"}, description = "Give the command a pseudo-terminal.")
  boolean tty;

  @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Set an environment variable.")
  List<String> env = new ArrayList<>();

  @Option(names = {"-u", "--user"}, paramLabel = "USER[:GROUP]", description = "User name or uid, and group.")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory inside the container.")
  String workdir;

  @Parameters(index = "0", paramLabel = "CONTAINER") String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND") List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    try {
      Containers containers = ContainerAccess.open(main, false);
      ExecOptions options = new ExecOptions(command, environment(), Optional.ofNullable(user),
          Optional.ofNullable(workdir), tty);
      Stdio stdio = interactive ? Stdio.INHERIT
          : new Stdio(Redirect.from(new File("/dev/null")), Redirect.INHERIT, Redirect.INHERIT);
      try (Execution execution = containers.exec(containers.store().find(container), options, stdio)) {
        return execution.waitFor().code();
      }
    } catch (ContainerException e) {
      return ContainerAccess.fail(main, err, e, e.getMessage(), RunCommand.LADE_FAILED);
    } catch (LaunchException e) {
      return ContainerAccess.fail(main, err, e, e.getMessage(), e.exitCode());
    }
  }

  /** A bare KEY takes lade's own value, or is dropped, as docker. */
  private List<String> environment() {
    List<String> resolved = new ArrayList<>();
    for (String entry : env) {
      if (entry.indexOf('=') > 0) {
        resolved.add(entry);
      } else if (System.getenv(entry) != null) {
        resolved.add(entry + "=" + System.getenv(entry));
      }
    }
    return resolved;
  }
}
