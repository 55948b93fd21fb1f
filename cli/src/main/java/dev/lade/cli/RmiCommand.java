package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageNotFoundException;
import dev.lade.oci.store.OciLayoutStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rmi", description = "Remove image references; their content goes at the next prune.")
final class RmiCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Override
  public Integer call() throws Exception {
    OciLayoutStore store = main.store();
    PrintWriter out = spec.commandLine().getOut();
    for (String image : images) {
      Reference ref = Reference.parse(image).withDefaultTag();
      if (!store.refs().remove(ref)) throw new ImageNotFoundException(image);
      out.println("Untagged: " + ref.familiar());
    }
    out.flush();
    return ExitCode.OK;
  }
}
