package dev.lade.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade stop}: the image's STOPSIGNAL (SIGTERM by default), then SIGKILL after the timeout, as docker stop. */
@Command(name = "stop", description = "Stop running containers (STOPSIGNAL, then SIGKILL after -t seconds).")
final class StopCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-t", "--time"}, paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds to wait before killing it (default 10; -1: wait as long as it takes).")
  int seconds;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER") List<String> containers;

  @Override
  public Integer call() throws Exception {
    Duration timeout = seconds < 0 ? null : Duration.ofSeconds(seconds);
    return ContainerAccess.forEach(main, spec, containers, (all, container) -> all.stop(container, timeout));
  }
}
