package dev.lade.cli;

import dev.lade.oci.reference.InvalidReferenceException;
import dev.lade.oci.reference.Reference;
import dev.lade.registry.transport.RegistryHosts;
import java.util.Locale;

/**
 * The registry a {@code login} or {@code logout} names, as Docker accepts it: {@code
 * localhost:5000}, {@code https://ghcr.io}, {@code https://index.docker.io/v1/}, or nothing for
 * Docker Hub.
 */
final class RegistryHostArgument {
  private RegistryHostArgument() {}

  static String parse(String argument) {
    if (argument == null || argument.isBlank()) return RegistryHosts.DOCKER_HUB;
    String host = argument.strip().replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    int slash = host.indexOf('/');
    if (slash >= 0) host = host.substring(0, slash);
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.equals("index.docker.io") || lower.equals(RegistryHosts.DOCKER_HUB_API)) return RegistryHosts.DOCKER_HUB;
    try {
      Reference.parse(host + "/x"); // the grammar of a reference's domain
    } catch (InvalidReferenceException e) {
      throw new UserInputException("invalid registry \"" + argument + "\"", e);
    }
    return host;
  }
}
