package dev.lade.cli;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE.")
final class TagCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "SOURCE_IMAGE") String source;
  @Parameters(index = "1", paramLabel = "TARGET_IMAGE") String target;

  @Override
  public Integer call() throws Exception {
    Reference destination = Reference.parse(target).withDefaultTag();
    OciLayoutStore store = main.store();
    Descriptor found = ImageResolver.forHost(store).target(source);
    store.refs().put(destination, found);
    return ExitCode.OK;
  }
}
