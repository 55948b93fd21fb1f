package dev.lade.cli;

import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.archive.LoadedImage;
import dev.lade.oci.store.OciLayoutStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "load", description = "Load images from a tar archive (docker save's formats or an OCI layout), or stdin.")
final class LoadCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read from FILE instead of stdin.")
  Path input;

  @Override
  public Integer call() throws Exception {
    OciLayoutStore store = main.store();
    List<LoadedImage> loaded;
    if (input != null) {
      if (!Files.isRegularFile(input)) throw new UserInputException(input + ": no such file");
      loaded = ImageLoader.load(store, input);
    } else {
      // The archive is read twice, so stdin is spooled to the store's file system first.
      Path spool = Files.createTempFile(store.tempDirectory(), "load-", ".tar");
      try {
        Files.copy(System.in, spool, StandardCopyOption.REPLACE_EXISTING);
        loaded = ImageLoader.load(store, spool);
      } finally {
        Files.deleteIfExists(spool);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (LoadedImage image : loaded) {
      out.println(image.reference()
          .map(r -> "Loaded image: " + r.familiar())
          .orElse("Loaded image ID: " + image.target().digest()));
    }
    out.flush();
    return ExitCode.OK;
  }
}
