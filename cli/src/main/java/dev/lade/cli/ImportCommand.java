package dev.lade.cli;

import dev.lade.oci.archive.ImageImporter;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.HostPlatform;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Make a one-layer image from a root filesystem tarball.")
final class ImportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE") Path tarball;
  @Parameters(index = "1", paramLabel = "REPOSITORY[:TAG]") String reference;

  @Option(names = "--platform", paramLabel = "PLATFORM", description = "The image's platform (default: the host's).")
  String platform;

  @Override
  public Integer call() throws Exception {
    Reference ref = Reference.parse(reference).withDefaultTag();
    if (!Files.isRegularFile(tarball)) throw new UserInputException(tarball + ": no such file");
    Platform target = platform == null ? HostPlatform.detect() : Platform.parse(platform);
    Descriptor manifest = ImageImporter.importTarball(main.store(), tarball, ref, target, Instant.now());
    PrintWriter out = spec.commandLine().getOut();
    out.println(manifest.digest());
    out.flush();
    return ExitCode.OK;
  }
}
