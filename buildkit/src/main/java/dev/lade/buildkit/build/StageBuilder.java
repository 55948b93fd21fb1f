package dev.lade.buildkit.build;

import dev.lade.buildkit.cache.CacheKey;
import dev.lade.buildkit.cache.CachedLayer;
import dev.lade.buildkit.config.ImageLayer;
import dev.lade.buildkit.config.MetadataDispatcher;
import dev.lade.buildkit.config.StageImage;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.copy.InputChecksum;
import dev.lade.buildkit.graph.StageBase;
import dev.lade.buildkit.graph.StageNode;
import dev.lade.buildkit.progress.ProgressStep;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.Run;
import dev.lade.dockerfile.ast.Workdir;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.scope.EvaluatedInstruction;
import dev.lade.dockerfile.scope.StageEvaluator;
import dev.lade.dockerfile.scope.StageState;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.ImageConfig;
import dev.lade.oci.layer.LayerEntry;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one stage, instruction by instruction, as BuildKit's dispatcher does: the base's ONBUILD
 * triggers first, then the stage's instructions; metadata instructions change the config, WORKDIR,
 * COPY, ADD and RUN make layers (from the cache when their key is known).
 */
final class StageBuilder {
  private final BuildSession session;
  private final StageNode node;
  private final Map<Integer, StageResult> dependencies;
  private final StepNames names;
  private final FileSteps files;
  private StageImage image;
  private StageEvaluator evaluator;
  private CacheKey filesystem;
  private String baseName;
  /** Walking the stage for {@link #check}: no step is carried out. */
  private boolean checking;

  StageBuilder(BuildSession session, StageNode node, Map<Integer, StageResult> dependencies) {
    this.session = session;
    this.node = node;
    this.dependencies = dependencies;
    this.names = new StepNames(session.graph.singleStage() ? Optional.empty() : Optional.of(node.displayName()));
    this.files = new FileSteps(session, dependencies);
  }

  StageResult build() throws IOException, InterruptedException {
    return walk();
  }

  /**
   * Walks the stage as {@link #build} does, carrying out no step: evaluates its instructions (its
   * base's ONBUILD triggers first), applies their metadata, and computes the source checksum of
   * every COPY and ADD that reads the build context, which the step finds again when it runs. So a
   * source that is missing or leaves the context fails the build before its first step, as
   * BuildKit fails it while computing cache keys; a dry result is only for {@code check}ing the
   * stages built on this one.
   */
  StageResult check() throws IOException, InterruptedException {
    checking = true;
    return walk();
  }

  private StageResult walk() throws IOException, InterruptedException {
    List<String> triggers = start();
    List<Instruction> parsed = OnbuildTriggers.parse(triggers, node.stage().from().location());
    names.count(node.stage().instructions());
    if (node.base() instanceof StageBase.Image) {
      names.countFrom();
      // BuildKit makes no FROM vertex for an image without layers, though it counts it.
      if (!image.layers().isEmpty() && !checking) fromStep();
    }
    names.countTriggers(parsed.size());
    for (Instruction trigger : parsed) trigger(trigger);
    for (Instruction instruction : node.stage().instructions()) dispatch(instruction, false);
    return new StageResult(image, evaluator.state(), filesystem);
  }

  /** Sets up the stage's image, variables and cache key from its base; returns the ONBUILD triggers to run. */
  private List<String> start() throws IOException {
    StageState variables;
    List<String> triggers;
    switch (node.base()) {
      case StageBase.Scratch s -> {
        image = StageImage.scratch(session.targetPlatform, session.created, session.epoch.isPresent());
        variables = StageState.ofImage(image.config().env(), image.platform().os());
        filesystem = CacheKey.scratch();
        triggers = List.of();
      }
      case StageBase.Image i -> {
        ResolvedImage base = session.image(i.reference(), platform(i), node.stage().from().location().startLine());
        ImageConfig config = base.config().value();
        List<ImageLayer> layers = new ArrayList<>();
        List<Descriptor> blobs = base.manifest().value().layers();
        for (int l = 0; l < blobs.size(); l++) layers.add(new ImageLayer(blobs.get(l), config.rootfs().diffIds().get(l)));
        image = StageImage.of(config, layers, session.created, session.epoch.isPresent());
        triggers = image.config().onBuild();
        image.config(image.config().toBuilder().onBuild(List.of()).build());
        variables = StageState.ofImage(image.config().env(), image.platform().os());
        filesystem = CacheKey.image(base.manifestDescriptor().digest());
        baseName = BuildSession.fromName(base, i.reference());
      }
      case StageBase.Stage st -> {
        StageResult base = dependencies.get(st.index());
        triggers = base.image().config().onBuild();
        image = base.image().child();
        variables = base.variables();
        filesystem = base.filesystem();
      }
    }
    evaluator = new StageEvaluator(variables, session.globals, session.buildArgs, session.lexer);
    return triggers;
  }

  private void fromStep() {
    session.env.progress().start(names.next("FROM " + baseName, false)).done();
  }

  private Platform platform(StageBase.Image i) {
    return i.platform()
        .map(p -> Platform.of(p.os(), p.architecture(), p.variant()))
        .orElse(session.targetPlatform);
  }

  /** Runs a base's ONBUILD trigger; like BuildKit, its errors point at the stage's FROM. */
  private void trigger(Instruction trigger) throws IOException, InterruptedException {
    int line = node.stage().from().location().startLine();
    try {
      dispatch(trigger, true);
    } catch (StepFailedException e) {
      throw session.failed(line, e.reason(), e.getCause());
    } catch (DockerfileParseException e) {
      throw session.named(new DockerfileParseException(e.reason(), line, 0));
    }
  }

  private void dispatch(Instruction instruction, boolean onbuild) throws IOException, InterruptedException {
    EvaluatedInstruction evaluated;
    try {
      evaluated = evaluator.evaluate(instruction);
    } catch (DockerfileParseException e) {
      throw session.named(e);
    }
    Instruction expanded = evaluated.expanded();
    if (MetadataDispatcher.handles(expanded)) {
      try {
        MetadataDispatcher.apply(image, expanded);
      } catch (DockerfileParseException e) {
        throw session.named(e);
      }
      return;
    }
    if (checking) {
      files.checkContextSources(evaluated);
      return;
    }
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    if (expanded instanceof Workdir w) {
      workdir(w, evaluated, onbuild);
    } else if (expanded instanceof Run r) {
      run(r, evaluated, onbuild);
    } else {
      copy(expanded, evaluated, onbuild);
    }
  }

  private void workdir(Workdir w, EvaluatedInstruction evaluated, boolean onbuild) throws IOException {
    String wd = Workdirs.normalize(image.config().workingDir(), w.path());
    image.config(image.config().toBuilder().workingDir(wd).build());
    if (wd.equals("/")) {
      image.addEmptyStep("WORKDIR " + wd);
      return;
    }
    String user = image.config().user();
    CacheKey key = filesystem.then("WORKDIR", wd, user);
    layerStep(key, display(evaluated, onbuild), "WORKDIR " + wd, () -> {
      FileTree rootfs = rootfs();
      try {
        return WorkdirEntries.mkdirs(rootfs, Workdirs.clean(wd), UserIds.resolve(user, rootfs), session.created);
      } catch (IllegalArgumentException e) {
        throw session.failed(w.location().startLine(), e.getMessage(), e);
      }
    });
  }

  /**
   * COPY and ADD: keyed, as BuildKit keys them, by their sources' checksum chained onto the
   * destination's key, so a cached step never reads the layers below it; a step whose sources
   * are known only once it is carried out (a URL) is keyed by the layer it planned.
   */
  private void copy(Instruction expanded, EvaluatedInstruction evaluated, boolean onbuild) throws IOException {
    String history = CopyHistory.of(expanded);
    String workdir = image.config().workingDir();
    ProgressStep step = session.env.progress().start(names.next(display(evaluated, onbuild), false));
    Optional<Digest> sources = failing(step, () -> files.sourceChecksum(evaluated));
    if (sources.isPresent()) {
      finishLayerStep(step, filesystem.then(history, workdir, "sources", sources.get()), history,
          () -> files.copy(expanded, rootfs(), workdir).entries());
      return;
    }
    CopyResult copied = failing(step, () -> files.copy(expanded, rootfs(), workdir));
    Digest checksum = failing(step, () -> InputChecksum.of(copied.entries()));
    finishLayerStep(step, filesystem.then(history, workdir, checksum), history, copied::entries);
  }

  private void run(Run r, EvaluatedInstruction evaluated, boolean onbuild) throws IOException, InterruptedException {
    ProgressStep step = session.env.progress().start(names.next(display(evaluated, onbuild), false));
    if (session.env.runner().isEmpty()) {
      String reason = "RUN is not supported yet (lade's runner is not wired in)";
      step.failed(reason);
      throw session.failed(r.location().startLine(), reason, null);
    }
    RunStep.Planned planned =
        failing(step, () -> RunStep.plan(session, r, image, evaluated.before(), files, new LazyTree(this::rootfs)));
    try (planned) {
      CacheKey key = filesystem.then(planned.keyParts().toArray());
      Optional<ImageLayer> written = finishLayerStep(step, key, planned.history(),
          () -> planned.execute(session, r.location().startLine(), step::log));
      if (written.isPresent()) planned.written(written.get());
    }
  }

  @FunctionalInterface
  private interface Entries {
    List<LayerEntry> get() throws IOException;
  }

  /** Part of a started step's work. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws IOException;
  }

  /** Runs {@code work} for {@code step}, which a failure marks failed. */
  private static <T> T failing(ProgressStep step, Work<T> work) throws IOException {
    try {
      return work.run();
    } catch (IOException | RuntimeException e) {
      step.failed(String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private void layerStep(CacheKey key, String display, String history, Entries entries) throws IOException {
    ProgressStep step = session.env.progress().start(names.next(display, false));
    finishLayerStep(step, key, history, entries);
  }

  /** Adds the step's layer, from the cache or written now; returns it when written now. */
  private Optional<ImageLayer> finishLayerStep(ProgressStep step, CacheKey key, String history, Entries entries)
      throws IOException {
    return failing(step, () -> {
      CacheKey entry = key.then("layer format", session.layers.format());
      Optional<CachedLayer> cached = session.request.noCache() ? Optional.empty() : session.cache.get(entry);
      CachedLayer made;
      if (cached.isPresent()) {
        made = cached.get();
        step.cached();
      } else {
        made = new CachedLayer(session.layers.write(entries.get()), session.env.clock().instant());
        session.cache.put(entry, made);
        step.done();
      }
      ImageLayer layer = made.layer();
      image.addLayerStep(layer, history, made.created());
      filesystem = key;
      return cached.isPresent() ? Optional.empty() : Optional.of(layer);
    });
  }

  private FileTree rootfs() throws IOException {
    return session.env.trees().layers(session.env.store().blobs(),
        image.layers().stream().map(ImageLayer::blob).toList());
  }

  /** BuildKit's step name: the instruction as written, variables expanded, keyword upper-cased. */
  private String display(EvaluatedInstruction evaluated, boolean onbuild) {
    String text = evaluated.instruction().original();
    try {
      text = session.lexer.withSkipUnsetEnv(true).process(text, evaluated.before().env()).result();
    } catch (RuntimeException e) {
      // shown as written
    }
    int space = text.indexOf(' ');
    String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    return (onbuild ? "ONBUILD " : "") + keyword + (space < 0 ? "" : text.substring(space));
  }
}
