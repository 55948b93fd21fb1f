package dev.lade.buildkit.build;

import dev.lade.buildkit.cache.BuildCache;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.graph.StageGraph;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Suggest;
import dev.lade.dockerfile.ignore.IgnoreFiles;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.BuildArgs;
import dev.lade.dockerfile.scope.GlobalScope;
import dev.lade.dockerfile.shell.ShellLexer;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every stage of one build shares: the request and environment, the evaluated global scope,
 * the graph, the layer sink, the cache, the base images and the build context.
 */
final class BuildSession {
  /** The images BuildKit suggests besides stage names when a name is misspelt. */
  private static final List<String> COMMON_IMAGES =
      List.of("alpine", "busybox", "centos", "debian", "golang", "ubuntu", "fedora");

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
  private final BaseImages images;
  private final Set<String> sourcesShown = ConcurrentHashMap.newKeySet();
  /**
   * The source checksums of the COPY and ADD steps that read the context, by the instruction as
   * written: by its identity, as a record's equals and hashCode would cost a no-op rebuild the
   * spinning of a dozen method handles.
   */
  final Map<Instruction, Optional<Digest>> contextChecksums = Collections.synchronizedMap(new IdentityHashMap<>());
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

  /**
   * The image {@code reference} names (FROM, {@code COPY --from}, a RUN mount's {@code from}), for
   * {@code platform}. When it cannot be had, the failure is located at {@code line} and reads as
   * BuildKit's, {@code NAME: failed to resolve source metadata for REF: why}, with its "did you
   * mean" hint when a stage's or a common image's name is close.
   */
  ResolvedImage image(String reference, Platform platform, int line) throws IOException {
    String ref;
    try {
      ref = Reference.parse(reference).withDefaultTag().toString();
    } catch (IllegalArgumentException e) {
      throw failed(line, "failed to parse stage name \"" + reference + "\": " + e.getMessage(), e);
    }
    try {
      return images.resolve(reference, platform);
    } catch (IOException e) {
      List<String> names = new ArrayList<>();
      graph.nodes().forEach(n -> n.stage().name().ifPresent(names::add));
      for (String common : COMMON_IMAGES) names.addAll(List.of(common, common + ":latest"));
      String reason = reference + ": failed to resolve source metadata for " + ref + ": " + e.getMessage();
      throw failed(line, Suggest.closest(reference, names, true).map(m -> reason + " (did you mean " + m + "?)")
          .orElse(reason), e);
    }
  }

  /**
   * An image a {@code COPY --from} or RUN mount reads: BuildKit gives it a state of its own, whose
   * FROM shows once in progress, unnumbered.
   */
  ResolvedImage sourceImage(String reference, Platform platform, int line) throws IOException {
    ResolvedImage image = image(reference, platform, line);
    String name = "FROM " + fromName(image, reference);
    if (sourcesShown.add(name)) env.progress().start(name).done();
    return image;
  }

  /** How BuildKit names an image in its FROM step: the normalized reference with the digest. */
  static String fromName(ResolvedImage image, String reference) {
    return image.reference().map(Object::toString).orElse(reference) + "@" + image.manifestDescriptor().digest();
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
