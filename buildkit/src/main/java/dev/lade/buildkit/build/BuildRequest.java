package dev.lade.buildkit.build;

import dev.lade.oci.image.Compression;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build.
 *
 * @param dockerfile the Dockerfile's bytes
 * @param dockerfileName how errors name the Dockerfile, e.g. {@code Dockerfile}
 * @param dockerfilePath where the Dockerfile is, for a {@code NAME.dockerignore} beside it; empty
 *     when it came from standard input
 * @param context the build context directory
 * @param buildArgs the {@code --build-arg} values, in order
 * @param target the {@code --target} stage; empty for the last stage
 * @param platform the {@code --platform}; empty for the host's
 * @param labels the {@code --label}s, set on the final image
 * @param noCache build every step, even when cached
 * @param pull pull base images even when the store has them
 * @param compression how layers are compressed
 * @param sourceDateEpoch SOURCE_DATE_EPOCH: clamps file times, sets {@code created}; also taken
 *     from a {@code SOURCE_DATE_EPOCH} build argument
 */
public record BuildRequest(
    byte[] dockerfile, String dockerfileName, Optional<Path> dockerfilePath, Path context,
    Map<String, String> buildArgs, Optional<String> target, Optional<String> platform,
    Map<String, String> labels, boolean noCache, boolean pull, Compression compression,
    Optional<Instant> sourceDateEpoch) {
  public BuildRequest {
    Objects.requireNonNull(dockerfile, "dockerfile");
    Objects.requireNonNull(context, "context");
    buildArgs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buildArgs));
    labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
  }

  /** A request for {@code dockerfile} in {@code context} with every option at its default. */
  public static BuildRequest of(byte[] dockerfile, Path context) {
    return new BuildRequest(dockerfile, "Dockerfile", Optional.empty(), context, Map.of(), Optional.empty(),
        Optional.empty(), Map.of(), false, false, Compression.GZIP, Optional.empty());
  }

  public BuildRequest withBuildArgs(Map<String, String> args) {
    return new BuildRequest(dockerfile, dockerfileName, dockerfilePath, context, args, target, platform, labels,
        noCache, pull, compression, sourceDateEpoch);
  }

  public BuildRequest withTarget(String stage) {
    return new BuildRequest(dockerfile, dockerfileName, dockerfilePath, context, buildArgs, Optional.of(stage),
        platform, labels, noCache, pull, compression, sourceDateEpoch);
  }

  public BuildRequest withNoCache(boolean no) {
    return new BuildRequest(dockerfile, dockerfileName, dockerfilePath, context, buildArgs, target, platform, labels,
        no, pull, compression, sourceDateEpoch);
  }

  public BuildRequest withSourceDateEpoch(Instant epoch) {
    return new BuildRequest(dockerfile, dockerfileName, dockerfilePath, context, buildArgs, target, platform, labels,
        noCache, pull, compression, Optional.of(epoch));
  }

  /** The proxy build arguments, which reach RUN without a declaration (not in the image). */
  public List<String> proxyEnv() {
    return buildArgs.entrySet().stream()
        .filter(e -> List.of("http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy")
            .contains(e.getKey().toLowerCase(java.util.Locale.ROOT)))
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
  }
}
