package dev.lade.cli;

import dev.lade.buildkit.cache.StoreBuildCache;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.PruneReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "prune", description = "Delete content that no image reference and no build cache entry needs.")
final class PruneCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--cache", description = "Also drop the build cache entries of layers no image holds "
      + "(as docker builder prune); rebuilding the kept images stays cached.")
  boolean cache;

  @Override
  public Integer call() throws Exception {
    OciLayoutStore store = main.store();
    StoreBuildCache buildCache = StoreBuildCache.of(store);
    PruneReport report = cache ? buildCache.pruneWithCache() : buildCache.prune();
    PrintWriter out = spec.commandLine().getOut();
    report.deleted().forEach(b -> out.println("deleted: " + b.digest()));
    out.println("Total reclaimed space: " + HumanUnits.size(report.reclaimed()));
    out.flush();
    return ExitCode.OK;
  }
}
