package dev.lade.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade rm}: removes containers (their files, log and records), as docker rm. */
@Command(name = "rm", description = "Remove containers (-f: running ones too, killed first).")
final class RmCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--force"}, description = "Kill a running container first (SIGKILL).")
  boolean force;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER") List<String> containers;

  @Override
  public Integer call() throws Exception {
    return ContainerAccess.forEach(main, spec, containers, (all, container) -> all.remove(container, force));
  }
}
