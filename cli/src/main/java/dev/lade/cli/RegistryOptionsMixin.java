package dev.lade.cli;

import dev.lade.registry.auth.DockerConfig;
import dev.lade.registry.transport.TransportConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that talk to registries: where Docker's config is, insecure hosts,
 * mirrors and timeouts. Proxies come from {@code HTTP(S)_PROXY} and {@code NO_PROXY}.
 */
final class RegistryOptionsMixin {
  @Option(names = "--config", paramLabel = "DIR",
      description = "Location of the Docker client config directory (default: $DOCKER_CONFIG or ~/.docker).")
  Path configDirectory;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Allow plain HTTP and unverified TLS for this registry (repeatable).")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(names = "--registry-mirror", paramLabel = "[REGISTRY=]MIRROR",
      description = "Pull from MIRROR (a host, https:// or http:// URL) before REGISTRY (default: docker.io); repeatable.")
  List<String> registryMirrors = new ArrayList<>();

  @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
      description = "How long to wait for a connection to a registry (such as 10s; default: 30s).")
  Duration connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationArgument.class,
      description = "How long to wait for a registry's answer before retrying (such as 1m; default: 5m).")
  Duration readTimeout;

  DockerConfig dockerConfig() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (configDirectory != null) environment.put("DOCKER_CONFIG", configDirectory.toString());
    return DockerConfig.fromEnvironment(environment, Path.of(System.getProperty("user.home")));
  }

  TransportConfig transport() {
    TransportConfig defaults = TransportConfig.defaults();
    Set<String> insecure = new HashSet<>(insecureRegistries);
    Map<String, List<String>> mirrors = new LinkedHashMap<>();
    for (String option : registryMirrors) {
      RegistryMirror mirror = RegistryMirror.parse(option);
      mirrors.computeIfAbsent(mirror.registry(), registry -> new ArrayList<>()).add(mirror.mirror());
      if (mirror.plainHttp()) insecure.add(mirror.mirror());
    }
    return defaults.withInsecureRegistries(insecure)
        .withMirrors(mirrors)
        .withTimeouts(connectTimeout == null ? defaults.connectTimeout() : connectTimeout,
            readTimeout == null ? defaults.readTimeout() : readTimeout);
  }
}
