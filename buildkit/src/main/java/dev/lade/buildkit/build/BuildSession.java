package dev.lade.buildkit.build;

import dev.lade.buildkit.cache.BuildCache;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.graph.StageGraph;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.dockerfile.ignore.IgnoreFiles;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.shell.ShellLexer;
import dev.lade.oci.platform.Platform;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What every stage of one build shares: the request and environment, the evaluated global scope,
 * the graph, the layer sink, the cache, the base images and the build context.
 */
final class BuildSession {
  final BuildRequest request;
  final BuildEnvironment env;
  final ShellLexer lexer;
  final GlobalScope globals;
  final BuildArgs buildArgs;
  final StageGraph graph;
  final Platform targetPlatform;
  final Instant created;
  final Optional<Instant> epoch;
  final LayerSink layers;
  final BuildCache cache;
  final BaseImages images;
  private FileTree context;

  BuildSession(BuildRequest request, BuildEnvironment env, ShellLexer lexer, GlobalScope globals, BuildArgs buildArgs,
      StageGraph graph, Platform targetPlatform, Optional<Instant> epoch, LayerSink layers, BuildCache cache) {
    this.request = request;
    this.env = env;
    this.lexer = lexer;
    this.globals = globals;
    this.buildArgs = buildArgs;
    this.graph = graph;
    this.targetPlatform = targetPlatform;
    this.epoch = epoch;
    this.created = epoch.orElseGet(() -> env.clock().instant());
    this.layers = layers;
    this.cache = cache;
    this.images = new BaseImages(env.store(), env.puller(), env.progress(), request.pull());
  }

  /** The build context, after .dockerignore; opened on first use. */
  synchronized FileTree context() throws IOException {
    if (context == null) {
      ProgressStep step = env.progress().start("[internal] load build context");
      Path dockerfile = request.dockerfilePath().orElse(request.context().resolve("Dockerfile"));
      context = env.trees().context(request.context(), IgnoreFiles.load(request.context(), dockerfile));
      step.done();
    }
    return context;
  }

  /** A located failure of the step at {@code line}. */
  StepFailedException failed(int line, String reason, Throwable cause) {
    return new StepFailedException(request.dockerfileName(), line, reason, cause);
  }

  /** A malformed-Dockerfile error, named after the request's Dockerfile. */
  DockerfileParseException named(DockerfileParseException e) {
    return e.withSource(request.dockerfileName());
  }
}
