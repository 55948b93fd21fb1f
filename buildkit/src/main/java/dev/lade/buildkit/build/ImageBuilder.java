package dev.lade.buildkit.build;

import dev.lade.buildkit.cache.BuildCache;
import dev.lade.buildkit.cache.StoreBuildCache;
import dev.lade.buildkit.graph.StageGraph;
import dev.lade.buildkit.graph.StageNode;
import dev.lade.buildkit.graph.StageScheduler;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.dockerfile.ast.Dockerfile;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.parser.ParseResult;
import dev.lade.dockerfile.parser.Parser;
import dev.lade.dockerfile.scope.AutomaticArgs;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.scope.Platform;
import dev.lade.dockerfile.scope.ScopeOptions;
import dev.lade.dockerfile.shell.ShellLexer;
import dev.lade.oci.layer.LayerOptions;
import dev.lade.oci.layer.ParallelGzipOutputStream;
import dev.lade.oci.store.Lease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a Dockerfile into an image in the store with BuildKit's semantics: stages as a DAG, only
 * those the target needs, independent ones concurrently; layers written straight into the store
 * and cached by content-addressed step keys.
 *
 * <p>The image's blobs are in the store but unnamed when {@link #build} returns: hold a {@link
 * dev.lade.oci.store.Store#lease()} from before the build until an exporter has named it.
 */
public final class ImageBuilder {
  private final BuildEnvironment env;

  public ImageBuilder(BuildEnvironment env) {
    this.env = env;
  }

  /**
   * Builds {@code request}.
   *
   * @throws DockerfileParseException (located, named after the Dockerfile) for a malformed
   *     Dockerfile or a value BuildKit refuses
   * @throws StepFailedException (located) when a step fails
   * @throws dev.lade.oci.store.ImageNotFoundException when a base image cannot be found
   */
  public BuiltImage build(BuildRequest request) throws IOException {
    ProgressStep load = env.progress().start("[internal] load build definition from " + request.dockerfileName());
    ParseResult parsed;
    Dockerfile dockerfile;
    try {
      parsed = Parser.parse(request.dockerfile());
      dockerfile = Dockerfile.from(parsed, request.dockerfile());
    } catch (DockerfileParseException e) {
      load.failed(e.reason());
      throw e.withSource(request.dockerfileName());
    }
    load.done();
    try {
      return build(request, dockerfile, new ShellLexer(parsed.escapeToken()));
    } catch (DockerfileParseException e) {
      throw e.source() == null ? e.withSource(request.dockerfileName()) : e;
    }
  }

  private BuiltImage build(BuildRequest request, Dockerfile dockerfile, ShellLexer lexer) throws IOException {
    Platform target = request.platform().map(Platform::parse).orElse(Platform.host());
    Optional<Instant> epoch = epoch(request);
    Map<String, String> args = new LinkedHashMap<>(request.buildArgs());
    epoch.ifPresent(e -> args.put("SOURCE_DATE_EPOCH", Long.toString(e.getEpochSecond())));
    BuildArgs buildArgs = BuildArgs.of(args);
    ScopeOptions options = new ScopeOptions(buildArgs, Platform.host(), target, request.target());
    GlobalScope globals = GlobalScope.evaluate(dockerfile.metaArgs(), AutomaticArgs.of(dockerfile, options), buildArgs, lexer);
    StageGraph graph = StageGraph.of(dockerfile, globals, lexer, request.target());
    // Parallel gzip whatever the core count: its bytes do not depend on the threads, so layers stay
    // reproducible across machines, and on one core it costs next to nothing.
    LayerOptions layerOptions = LayerOptions.defaults().withCompression(request.compression())
        .withParallelGzip(Runtime.getRuntime().availableProcessors(), ParallelGzipOutputStream.DEFAULT_BLOCK_SIZE);
    if (epoch.isPresent()) layerOptions = layerOptions.withSourceDateEpoch(epoch.get());
    BuildCache cache = StoreBuildCache.of(env.store());
    dev.lade.oci.platform.Platform platform =
        dev.lade.oci.platform.Platform.of(target.os(), target.architecture(), target.variant());
    BuildSession session = new BuildSession(request, env, lexer, globals, buildArgs, graph, platform, epoch,
        new LayerSink(env.store().blobs(), layerOptions), cache);
    try (Lease lease = env.store().lease()) {
      checkContextSources(session, graph);
      Map<Integer, StageResult> stages =
          StageScheduler.run(graph, (node, deps) -> new StageBuilder(session, node, deps).build());
      return ImageAssembly.write(session, stages.get(graph.target()).image());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("build interrupted");
    } catch (Exception e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  /**
   * Walks every stage the target needs, in order, without carrying out a step ({@link
   * StageBuilder#check}): like BuildKit, which computes every COPY's cache key as soon as the
   * context is loaded, a missing context source fails the build before any step runs and leaves
   * the store as it was. A {@code --from} tree's sources can only be checked once that tree is
   * built, and an unknown {@code --chown} name once the destination's /etc/passwd is there.
   */
  private static void checkContextSources(BuildSession session, StageGraph graph)
      throws IOException, InterruptedException {
    Map<Integer, StageResult> checked = new HashMap<>();
    for (StageNode node : graph.needed()) checked.put(node.index(), new StageBuilder(session, node, checked).check());
  }

  /** SOURCE_DATE_EPOCH from the request, else from a build argument (seconds since 1970). */
  private static Optional<Instant> epoch(BuildRequest request) {
    if (request.sourceDateEpoch().isPresent()) return request.sourceDateEpoch();
    String value = request.buildArgs().get("SOURCE_DATE_EPOCH");
    if (value == null || value.isEmpty()) return Optional.empty();
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      throw new DockerfileParseException("invalid SOURCE_DATE_EPOCH: " + value, 0, 0);
    }
  }
}
