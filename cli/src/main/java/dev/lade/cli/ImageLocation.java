package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import java.nio.file.Path;

/**
 * Where {@code lade copy} reads or writes an image, spelled as skopeo spells it: {@code
 * docker://REF} (or a bare reference) for a registry, {@code oci:DIR[:NAME]} for an OCI layout
 * directory, {@code docker-archive:FILE[:REF]} for a {@code docker save} tar.
 */
sealed interface ImageLocation {
  /** An image on a registry. */
  record Registry(Reference reference) implements ImageLocation {}

  /** An image in an OCI layout directory; a null name means the layout's only image. */
  record Layout(Path directory, String name) implements ImageLocation {}

  /** An image in a Docker archive; a null reference means the archive's only image. */
  record DockerArchive(Path file, Reference reference) implements ImageLocation {}

  /**
   * @throws dev.lade.oci.reference.InvalidReferenceException if a reference is malformed
   */
  static ImageLocation parse(String argument) {
    if (argument.startsWith("oci:")) {
      String[] parts = split(argument.substring("oci:".length()));
      return new Layout(Path.of(parts[0]), parts[1]);
    }
    if (argument.startsWith("docker-archive:")) {
      String[] parts = split(argument.substring("docker-archive:".length()));
      return new DockerArchive(Path.of(parts[0]), parts[1] == null ? null : Reference.parse(parts[1]).withDefaultTag());
    }
    return new Registry(RemoteReference.parse(argument));
  }

  /** {@code PATH[:NAME]} split at the first colon, as skopeo does; an empty path is refused. */
  private static String[] split(String value) {
    int colon = value.indexOf(':');
    String path = colon < 0 ? value : value.substring(0, colon);
    String name = colon < 0 || colon == value.length() - 1 ? null : value.substring(colon + 1);
    if (path.isEmpty()) throw new UserInputException("no path in image location \"" + value + "\"");
    return new String[] {path, name};
  }
}
