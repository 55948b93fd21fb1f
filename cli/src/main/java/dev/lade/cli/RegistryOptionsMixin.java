package dev.lade.cli;

import dev.lade.registry.auth.DockerConfig;
import dev.lade.registry.transport.TransportConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to registries: where Docker's config is, insecure hosts. */
final class RegistryOptionsMixin {
  @Option(names = "--config", paramLabel = "DIR",
      description = "Location of the Docker client config directory (default: $DOCKER_CONFIG or ~/.docker).")
  Path configDirectory;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Allow plain HTTP and unverified TLS for this registry (repeatable).")
  List<String> insecureRegistries = new ArrayList<>();

  DockerConfig dockerConfig() {
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (configDirectory != null) environment.put("DOCKER_CONFIG", configDirectory.toString());
    return DockerConfig.fromEnvironment(environment, Path.of(System.getProperty("user.home")));
  }

  TransportConfig transport() {
    return TransportConfig.defaults().withInsecureRegistries(Set.copyOf(insecureRegistries));
  }
}
