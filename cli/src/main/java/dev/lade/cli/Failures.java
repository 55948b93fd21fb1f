package dev.lade.cli;

import dev.lade.buildkit.build.StepFailedException;
import dev.lade.buildkit.graph.UnknownTargetException;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.oci.archive.InvalidArchiveException;
import dev.lade.oci.digest.InvalidDigestException;
import dev.lade.oci.platform.InvalidPlatformException;
import dev.lade.oci.reference.InvalidReferenceException;
import dev.lade.oci.store.ImageNotFoundException;
import dev.lade.registry.RegistryException;
import dev.lade.registry.transfer.TransferException;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;

/** Maps the typed errors of lade's modules to a one-line message and an exit code. */
final class Failures {
  private Failures() {}

  /** Bad input is the user's to fix and exits 2; anything else is a failed job and exits 1. */
  static int exitCode(Throwable e) {
    if (e instanceof UserInputException || e instanceof UnknownTargetException) return ExitCode.BAD_INPUT;
    if (e instanceof DockerfileParseException || e instanceof DockerfileSourceException) {
      return ExitCode.BAD_INPUT;
    }
    if (e instanceof InvalidReferenceException || e instanceof InvalidDigestException) return ExitCode.BAD_INPUT;
    if (e instanceof RegistryException || e instanceof TransferException) return ExitCode.FAILED;
    if (e instanceof ImageNotFoundException) return ExitCode.FAILED;
    if (e instanceof InvalidArchiveException || e instanceof InvalidPlatformException) return ExitCode.BAD_INPUT;
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) return ExitCode.BAD_INPUT;
    return ExitCode.FAILED;
  }

  /** A located Dockerfile error is already a complete {@code FILE:LINE:COL: reason} line. */
  static boolean isLocated(Throwable e) {
    return e instanceof DockerfileParseException || e instanceof DockerfileSourceException
        || e instanceof StepFailedException;
  }

  static String describe(Throwable e) {
    if (e instanceof NoSuchFileException nf) return nf.getFile() + ": no such file";
    String m = e.getMessage();
    if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
    return m.replace('\n', ' ');
  }
}
