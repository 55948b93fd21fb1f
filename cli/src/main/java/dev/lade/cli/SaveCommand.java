package dev.lade.cli;

import dev.lade.oci.archive.ArchiveFormat;
import dev.lade.oci.archive.ImageSaver;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "save", description = "Save images to a tar archive (Docker's format by default), or to stdout.")
final class SaveCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "docker",
      description = "docker (what docker load takes) or oci (an OCI layout).")
  String format;

  @Override
  public Integer call() throws Exception {
    ArchiveFormat chosen = switch (format.toLowerCase(Locale.ROOT)) {
      case "docker" -> ArchiveFormat.DOCKER;
      case "oci" -> ArchiveFormat.OCI;
      default -> throw new UserInputException("unknown archive format \"" + format + "\" (use docker or oci)");
    };
    var store = main.store();
    if (output == null) {
      OutputStream out = new BufferedOutputStream(System.out);
      ImageSaver.save(store, images, chosen, out);
      out.flush();
      return ExitCode.OK;
    }
    // Written beside the target and renamed, so a failed save leaves no partial archive.
    Path absolute = output.toAbsolutePath();
    Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        ImageSaver.save(store, images, chosen, out);
      }
      Files.move(tmp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteQuietly(tmp);
    }
    return ExitCode.OK;
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      // best effort
    }
  }
}
