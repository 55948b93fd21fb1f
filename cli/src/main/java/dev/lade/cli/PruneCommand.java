package dev.lade.cli;

import dev.lade.oci.store.GcRoots;
import dev.lade.oci.store.PruneReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prune", description = "Delete content no image reference needs.")
final class PruneCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PruneReport report = main.store().prune(GcRoots.NONE);
    PrintWriter out = spec.commandLine().getOut();
    report.deleted().forEach(b -> out.println("deleted: " + b.digest()));
    out.println("Total reclaimed space: " + HumanUnits.size(report.reclaimed()));
    out.flush();
    return ExitCode.OK;
  }
}
