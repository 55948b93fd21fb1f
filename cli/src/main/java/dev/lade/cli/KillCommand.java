package dev.lade.cli;

import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.Signals;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade kill}: sends a signal (SIGKILL by default) to running containers, as docker kill. */
@Command(name = "kill", description = "Send a signal to running containers (default SIGKILL).")
final class KillCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", defaultValue = "KILL",
      description = "The signal: a name (TERM, SIGHUP) or a number.")
  String signal;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER") List<String> containers;

  @Override
  public Integer call() throws Exception {
    int number;
    try {
      number = Signals.parse(signal);
    } catch (ContainerException e) {
      return ContainerAccess.fail(main, spec.commandLine().getErr(), e, e.getMessage(), ExitCode.FAILED);
    }
    return ContainerAccess.forEach(main, spec, containers, (all, container) -> all.kill(container, number));
  }
}
