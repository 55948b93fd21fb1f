package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.CopySources;
import dev.lade.buildkit.fs.FileCopier;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.buildkit.fs.fetch.HttpUrlFetcher;
import dev.lade.buildkit.fs.fetch.UrlFetcher;
import dev.lade.dockerfile.ast.InlineFile;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * COPY and ADD with BuildKit's semantics (its Dockerfile frontend, file backend and fsutil's
 * copier): a source directory's contents are copied, not the directory; wildcards match as Go's
 * {@code filepath.Match}; a destination ending in {@code /} is a directory; the destination and
 * its parents are created (0755, owned by the {@code --chown} owner); a relative destination is
 * relative to WORKDIR; symlinks in the destination path resolve inside the destination tree; a
 * top-level source symlink is followed while links inside copied directories are copied as links;
 * hard links and modification times are kept.
 *
 * <p>ADD also unpacks local tar archives (plain, gzip, bzip2, xz, zstd; detected by content) and
 * downloads http(s) URLs ({@code --checksum} verified, mode 0600, mtime from Last-Modified).
 * Heredoc sources become files of mode 0644. Git sources are not supported yet.
 *
 * <p>Two deliberate differences from BuildKit, both turning a silent surprise into an error: a
 * context source that climbs out with {@code ..} or through a symlink is refused (BuildKit clamps
 * it to the context root), and an unknown {@code --chown} name is refused (BuildKit uses 0).
 */
public final class DockerCopier implements FileCopier {
  private final Path scratch;
  private final Clock clock;
  private final UrlFetcher fetcher;

  /**
   * @param scratch a directory for downloaded files and unpacked archive contents, which must
   *     outlive the layer write that reads them (the caller deletes it after the build)
   * @param clock the time given to directories the step creates and to files without one
   */
  public DockerCopier(Path scratch, Clock clock, UrlFetcher fetcher) {
    this.scratch = scratch;
    this.clock = clock;
    this.fetcher = fetcher;
  }

  /** A copier with the system clock that fetches over HTTP(S). */
  public DockerCopier(Path scratch) {
    this(scratch, Clock.systemUTC(), new HttpUrlFetcher());
  }

  @Override
  public CopyResult copy(CopyRequest request) throws IOException {
    CopyOptions options = CopyOptions.of(request.instruction());
    validate(options);
    Optional<Owner> owner = options.chown().isPresent()
        ? Optional.of(OwnerResolver.resolve(options.chown().get(), request.destination(), options.line()))
        : Optional.empty();
    LayerPlan plan = new LayerPlan(options.link() ? LayerPlan.EMPTY : request.destination());
    Step step = new Step(request, options, plan, owner.orElse(null), clock.instant(),
        DestinationPath.of(options.destination(), request.workdir()));
    LocalSources local = new LocalSources(step);
    RemoteSources remote = new RemoteSources(step, fetcher, scratch);
    for (String source : options.sources()) {
      if (RemoteSources.isGit(source)) {
        throw step.error(CopyException.Kind.NOT_SUPPORTED, "git sources are not supported yet: " + source);
      } else if (RemoteSources.isHttp(source)) {
        if (!options.add()) throw step.error(CopyException.Kind.INVALID_OPTION, "source can't be a URL for COPY");
        remote.add(source);
      } else {
        local.copy(source, scratch);
      }
    }
    for (InlineFile inline : options.inlineSources()) copyInline(step, inline);
    request.source().prefetch(local.filesRead());
    List<LayerEntry> entries = plan.entries(step.now());
    return new CopyResult(entries);
  }

  @Override
  public Optional<Digest> sourceChecksum(CopySources sources) throws IOException {
    CopyOptions options = CopyOptions.of(sources.instruction());
    validate(options);
    try {
      return SourceChecksum.of(options, sources.source(), sources.fromContext());
    } catch (IllegalArgumentException | DockerfileParseException e) {
      return Optional.empty(); // the step fails: carrying it out says how, in its own words
    }
  }

  private static void validate(CopyOptions options) throws CopyException {
    // No "more than one source needs a directory destination" check: that is the classic
    // builder's rule; BuildKit copies each source in turn, so into a file the last one wins.
    if (options.checksum().isPresent()) {
      if (options.sources().size() != 1) {
        throw new CopyException(CopyException.Kind.INVALID_OPTION, options.line(),
            "checksum can't be specified for multiple sources");
      }
      if (!RemoteSources.isHttp(options.sources().get(0)) && !RemoteSources.isGit(options.sources().get(0))) {
        throw new CopyException(CopyException.Kind.INVALID_OPTION, options.line(),
            "checksum requires HTTP(S) or Git sources");
      }
    }
  }

  /** A heredoc source: a file named by its delimiter, mode 0644, owned by root, as BuildKit's Mkfile. */
  private static void copyInline(Step step, InlineFile inline) throws IOException {
    byte[] data = inline.content().getBytes(StandardCharsets.UTF_8);
    String name = TreePaths.clean(inline.path());
    LayerEntry.File file = new LayerEntry.File(name.isEmpty() ? inline.path() : name,
        EntryMetadata.of(0644, 0, 0, step.now()), data.length, () -> new ByteArrayInputStream(data));
    step.copyInto(step.copier(LayerPlan.EMPTY), file, TreePaths.name(file.path()));
  }

  /** The state one COPY or ADD shares between its sources. */
  record Step(CopyRequest request, CopyOptions options, LayerPlan plan, Owner owner, Instant now,
      DestinationPath destination) {

    Owner parentOwner() {
      return owner != null ? owner : Owner.ROOT;
    }

    TreeCopier copier(FileTree source) {
      return new TreeCopier(source, plan, owner, options.chmod(), new ExcludeMatcher(options.excludes()),
          options.line());
    }

    CopyException error(CopyException.Kind kind, String reason) {
      return new CopyException(kind, options.line(), reason);
    }

    /** {@code path} in the layer being built with its symlinks resolved, following the last one too. */
    String resolveDestination(String path) throws IOException {
      try {
        return new SymlinkResolver(plan, false).resolve(path, true);
      } catch (SymlinkResolver.EscapeException e) {
        throw new IllegalStateException(e); // a non-strict resolver clamps instead
      }
    }

    void mkdirAll(String path) throws IOException {
      try {
        plan.mkdirAll(path, parentOwner(), now);
      } catch (LayerPlan.NotADirectory e) {
        throw error(CopyException.Kind.INVALID_DESTINATION, e.getMessage());
      }
    }

    /**
     * fsutil's {@code Copy} for one resolved source: makes sure the destination directory exists,
     * puts a file into an existing directory under its own name, and copies a directory's contents.
     *
     * @param source the resolved source entry; null for the source tree's root
     * @param baseName the source's name as written (a followed symlink keeps the link's name)
     */
    void copyInto(TreeCopier copier, LayerEntry source, String baseName) throws IOException {
      plan.nextSource();
      mkdirAll(resolveDestination(destination.ensured()));
      String target = resolveDestination(destination.path());
      boolean targetExists = target.isEmpty() || plan.lookup(target).isPresent();
      boolean sourceIsDir = source == null || source instanceof LayerEntry.Directory;
      if (!sourceIsDir && plan.isDirectory(target)) target = TreePaths.join(target, baseName);
      mkdirAll(sourceIsDir && !targetExists ? target : TreePaths.parent(target));
      if (sourceIsDir) {
        // A directory's contents go into the target; its own metadata is never copied at the top.
        if (!plan.isDirectory(target)) {
          throw error(CopyException.Kind.INVALID_DESTINATION, "cannot copy to non-directory: /" + target);
        }
        copier.copyContents(source == null ? "" : source.path(), "", target);
      } else {
        copier.copy(source, "", target, false);
      }
    }
  }
}
