package dev.lade.cli;

import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.ContainerLogs;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade logs}: what a container wrote, as it wrote it (standard output and error together). */
@Command(name = "logs", description = "Show a container's output.")
final class LogsCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--follow"}, description = "Keep showing what it writes until it exits.")
  boolean follow;

  @Parameters(index = "0", paramLabel = "CONTAINER") String container;

  @Override
  public Integer call() throws Exception {
    try {
      OutputStream out = new DecodingOutputStream(spec.commandLine().getOut());
      ContainerLogs.copy(ContainerAccess.store(main).find(container), out, follow);
      return ExitCode.OK;
    } catch (ContainerException e) {
      return ContainerAccess.fail(main, spec.commandLine().getErr(), e, e.getMessage(), ExitCode.FAILED);
    }
  }
}
