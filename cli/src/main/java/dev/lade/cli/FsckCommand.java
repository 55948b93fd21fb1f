package dev.lade.cli;

import dev.lade.oci.store.Fsck;
import dev.lade.oci.store.FsckReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "fsck", description = "Verify every blob's digest and size; exit 1 if any is corrupt or missing.")
final class FsckCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    FsckReport report = Fsck.check(main.store());
    PrintWriter out = spec.commandLine().getOut();
    report.problems().forEach(out::println);
    out.println(report.blobsChecked() + " blobs checked, " + report.problems().size() + " problems");
    out.flush();
    return report.ok() ? ExitCode.OK : ExitCode.FAILED;
  }
}
