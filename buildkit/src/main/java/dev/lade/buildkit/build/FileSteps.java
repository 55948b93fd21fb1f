package dev.lade.buildkit.build;

import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.CopySources;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.graph.StageNode;
import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trees COPY, ADD and RUN mounts read from: the build context, an earlier stage's root
 * filesystem, or an image's.
 */
final class FileSteps {
  private final BuildSession session;
  private final Map<Integer, StageResult> dependencies;

  FileSteps(BuildSession session, Map<Integer, StageResult> dependencies) {
    this.session = session;
    this.dependencies = dependencies;
  }

  /**
   * The checksum of {@code evaluated}'s (a COPY or ADD) options and sources, for a cache key found
   * before the step is planned; empty when only carrying it out can tell. A context source's is
   * computed once per build: {@link #checkContextSources} before the first step, found again here.
   */
  Optional<Digest> sourceChecksum(EvaluatedInstruction evaluated) throws IOException {
    Instruction expanded = evaluated.expanded();
    Optional<String> from = from(expanded);
    if (from.isPresent()) return checksum(expanded, named(from.get(), expanded), false);
    Optional<Digest> known = session.contextChecksums.get(evaluated.instruction());
    if (known != null) return known;
    Optional<Digest> sum = checksum(expanded, session.context(), true);
    session.contextChecksums.put(evaluated.instruction(), sum);
    return sum;
  }

  /**
   * For {@code evaluated} a COPY or ADD that reads the build context, computes its checksum now,
   * failing as the step would when a source is missing or leaves the context; does nothing for
   * other instructions and other sources.
   */
  void checkContextSources(EvaluatedInstruction evaluated) throws IOException {
    Instruction expanded = evaluated.expanded();
    if ((expanded instanceof Copy || expanded instanceof Add) && from(expanded).isEmpty()) sourceChecksum(evaluated);
  }

  private Optional<Digest> checksum(Instruction expanded, FileTree source, boolean fromContext) throws IOException {
    try {
      return session.env.copier().sourceChecksum(new CopySources(expanded, source, fromContext));
    } catch (IOException e) {
      throw session.failed(expanded.location().startLine(), String.valueOf(e.getMessage()), e);
    }
  }

  /** Carries out {@code expanded} (a COPY or ADD) onto {@code destination}. */
  CopyResult copy(Instruction expanded, FileTree destination, String workdir) throws IOException {
    Optional<String> from = from(expanded);
    FileTree source = from.isPresent() ? named(from.get(), expanded) : session.context();
    CopyRequest request = new CopyRequest(expanded, source, destination, workdir, from.isEmpty());
    try {
      return session.env.copier().copy(request);
    } catch (DockerfileParseException e) {
      throw session.named(e);
    } catch (IOException | IllegalArgumentException e) {
      throw session.failed(expanded.location().startLine(), String.valueOf(e.getMessage()), e);
    }
  }

  private static Optional<String> from(Instruction expanded) {
    return expanded instanceof Copy c ? c.from() : Optional.empty();
  }

  /** The tree {@code from} names: a stage (by name, any case, or index), else an image. */
  FileTree named(String from, Instruction at) throws IOException {
    Optional<Integer> stage = resolveStage(from, at);
    if (stage.isPresent()) {
      StageResult result = dependencies.get(stage.get());
      return tree(result.image().layers().stream().map(ImageLayer::blob).toList());
    }
    ResolvedImage image = session.sourceImage(from, session.targetPlatform, at.location().startLine());
    return tree(image.manifest().value().layers());
  }

  private Optional<Integer> resolveStage(String from, Instruction at) {
    if (at instanceof Copy) {
      try {
        return Optional.of(Integer.parseInt(from));
      } catch (NumberFormatException name) {
        // by name
      }
    }
    return session.graph.nodes().stream()
        .filter(n -> n.stage().name().filter(from::equalsIgnoreCase).isPresent())
        .map(StageNode::index)
        .filter(dependencies::containsKey)
        .findFirst();
  }

  private FileTree tree(List<Descriptor> layers) throws IOException {
    return session.env.trees().layers(session.env.store().blobs(), layers);
  }
}
