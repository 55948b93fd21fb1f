package dev.lade.cli;

import dev.lade.registry.transport.RegistryHosts;
import java.util.Locale;

/**
 * One {@code --registry-mirror [REGISTRY=]MIRROR}: pulls from {@code REGISTRY} (Docker Hub when not
 * named, as with Docker's {@code registry-mirrors}) try {@code MIRROR} first. The mirror is a host
 * or an {@code https://} or {@code http://} URL without a path; {@code http://} lets lade reach it
 * over plain HTTP, as if it were named with {@code --insecure-registry}.
 *
 * @param registry the mirrored registry, as in a reference's domain
 * @param mirror the mirror's {@code host[:port]}
 * @param plainHttp whether the mirror was given as an {@code http://} URL
 */
record RegistryMirror(String registry, String mirror, boolean plainHttp) {

  static RegistryMirror parse(String option) {
    int equals = option.indexOf('=');
    String registry = equals < 0 ? RegistryHosts.DOCKER_HUB : RegistryHostArgument.parse(option.substring(0, equals));
    String url = option.substring(equals + 1).strip();
    String lower = url.toLowerCase(Locale.ROOT);
    int scheme = lower.indexOf("://");
    if (scheme >= 0 && !lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new UserInputException("--registry-mirror \"" + option + "\": a mirror is reached over https:// or http://");
    }
    String rest = scheme < 0 ? url : url.substring(scheme + 3);
    int slash = rest.indexOf('/');
    if (rest.isEmpty() || slash == 0 || slash >= 0 && slash < rest.length() - 1) {
      throw new UserInputException("--registry-mirror \"" + option + "\": give the mirror's host, without a path");
    }
    return new RegistryMirror(registry, RegistryHostArgument.parse(rest), lower.startsWith("http://"));
  }
}
