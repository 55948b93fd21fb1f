package dev.lade.cli;

import dev.lade.oci.reference.Reference;

/**
 * An image reference on a registry as the user typed it, {@code docker://} prefix allowed (as
 * skopeo spells it): {@code busybox} is {@code docker.io/library/busybox:latest}.
 */
final class RemoteReference {
  static final String DOCKER_TRANSPORT = "docker://";

  private RemoteReference() {}

  /**
   * @throws dev.lade.oci.reference.InvalidReferenceException if it is malformed
   */
  static Reference parse(String argument) {
    String plain = argument.startsWith(DOCKER_TRANSPORT) ? argument.substring(DOCKER_TRANSPORT.length()) : argument;
    return Reference.parse(plain).withDefaultTag();
  }

  /** What to ask the registry for: the digest when there is one, else the tag. */
  static String tagOrDigest(Reference reference) {
    return reference.digest() != null ? reference.digest().toString() : reference.tag();
  }
}
