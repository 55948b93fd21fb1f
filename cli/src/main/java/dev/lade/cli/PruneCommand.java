package dev.lade.cli;

import dev.lade.buildkit.cache.StoreBuildCache;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.PruneReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prune", description = "Delete content no image reference needs, and the build cache entries of that content.")
final class PruneCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OciLayoutStore store = main.store();
    // Cache entries of layers that named images hold are kept: rebuilding those images stays cached.
    PruneReport report = StoreBuildCache.of(store).prune();
    PrintWriter out = spec.commandLine().getOut();
    report.deleted().forEach(b -> out.println("deleted: " + b.digest()));
    out.println("Total reclaimed space: " + HumanUnits.size(report.reclaimed()));
    out.flush();
    return ExitCode.OK;
  }
}
