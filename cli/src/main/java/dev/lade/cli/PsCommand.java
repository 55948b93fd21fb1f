package dev.lade.cli;

import dev.lade.runner.lifecycle.Container;
import dev.lade.runner.lifecycle.ContainerId;
import dev.lade.runner.lifecycle.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade ps}: lists containers in docker ps's columns, newest first. */
@Command(name = "ps", description = "List containers (running ones; -a: all).")
final class PsCommand implements Callable<Integer> {
  /** docker ps cuts the command to this many characters, the last an ellipsis. */
  private static final int COMMAND_WIDTH = 20;

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-a", "--all"}, description = "Show all containers, stopped ones too.")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only show ids.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Instant now = Instant.now();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
    for (Container container : ContainerAccess.listCleaned(main)) {
      if (!all && !container.state().running()) continue;
      if (quiet) {
        spec.commandLine().getOut().println(ContainerId.shortId(container.id()));
        continue;
      }
      rows.add(List.of(ContainerId.shortId(container.id()), container.record().image(),
          quoted(ellipsis(container.record().commandLine())),
          HumanUnits.ago(Duration.between(Instant.parse(container.record().created()), now)),
          status(container.state(), now), String.join(", ", container.record().ports()), container.name()));
    }
    if (!quiet) Table.print(spec.commandLine().getOut(), rows);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** docker's State.String(): {@code Up 5 seconds}, {@code Exited (0) 3 minutes ago}, {@code Created}. */
  static String status(ContainerState state, Instant now) {
    return switch (state.status()) {
      case CREATED -> "Created";
      case RUNNING -> "Up " + HumanUnits.duration(Duration.between(state.startedAt().orElse(now), now));
      case EXITED -> "Exited (" + state.exitCode() + ") "
          + state.finishedAt().map(t -> HumanUnits.ago(Duration.between(t, now))).orElse("");
    };
  }

  private static String ellipsis(String text) {
    return text.codePointCount(0, text.length()) <= COMMAND_WIDTH ? text
        : text.substring(0, text.offsetByCodePoints(0, COMMAND_WIDTH - 1)) + "…";
  }

  /** As Go's strconv.Quote for the text docker shows. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
