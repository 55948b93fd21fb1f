package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.dockerfile.ast.InlineFile;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checksum a COPY or ADD is keyed by before it is carried out, as BuildKit keys a file
 * operation by the content checksum of its selected sources: the instruction's options (sources
 * as written, heredoc contents, destination, {@code --chown}, {@code --chmod}, {@code --link},
 * {@code --parents}, {@code --exclude}, ADD's {@code --checksum}, {@code --unpack} and {@code
 * --keep-git-dir}) and every source entry the step reads, with the metadata that lands in the
 * layer ({@link EntryDigest}: modification times left out).
 *
 * <p>The sources are walked as {@link LocalSources} and {@link TreeCopier} walk them (wildcards,
 * top-level symlinks followed, {@code --exclude}, {@code --parents}' directories), without looking
 * at the destination: what the step makes of the destination tree is fixed by that tree's own
 * cache key, which the caller chains this checksum onto. So a cached step costs a walk of its
 * sources, never a read of the layers below it.
 */
final class SourceChecksum {
  private final CopyOptions options;
  private final FileTree tree;
  private final boolean fromContext;
  private final SymlinkResolver resolver;
  private final ExcludeMatcher excludes;
  private final EntryDigest digest = new EntryDigest();
  private final List<String> filesRead = new ArrayList<>();

  private SourceChecksum(CopyOptions options, FileTree tree, boolean fromContext) {
    this.options = options;
    this.tree = tree;
    this.fromContext = fromContext;
    this.resolver = new SymlinkResolver(tree, fromContext);
    this.excludes = new ExcludeMatcher(options.excludes());
  }

  /**
   * The checksum of the step {@code options} describes, reading its sources from {@code tree};
   * empty when a source is a URL, whose content is known only once fetched.
   *
   * @param fromContext whether {@code tree} is the build context
   * @throws CopyException when a source is missing or leaves the context, as carrying the step
   *     out would report it
   */
  static Optional<Digest> of(CopyOptions options, FileTree tree, boolean fromContext) throws IOException {
    for (String source : options.sources()) {
      if (RemoteSources.isHttp(source) || RemoteSources.isGit(source)) return Optional.empty();
    }
    SourceChecksum sum = new SourceChecksum(options, tree, fromContext);
    sum.options();
    for (String source : options.sources()) {
      try {
        sum.source(source);
      } catch (SymlinkResolver.EscapeException e) {
        throw SourceErrors.outsideContext(options.line(), source, e);
      } catch (SourceMatcher.MissingDirectory e) {
        throw SourceErrors.missingDirectory(options.line(), e);
      }
    }
    tree.prefetch(sum.filesRead);
    return Optional.of(sum.digest.digest());
  }

  private void options() {
    digest.label(options.keyword()).label(fromContext ? "from context" : "from tree");
    digest.label("sources " + options.sources().size());
    for (String source : options.sources()) digest.label(source);
    digest.label("inline " + options.inlineSources().size());
    for (InlineFile inline : options.inlineSources()) {
      digest.label(inline.path()).label(inline.content()).label(Boolean.toString(inline.expand()));
    }
    digest.label(options.destination())
        .label("chown " + options.chown())
        .label("chmod " + options.chmod())
        .label("link " + options.link())
        .label("parents " + options.parents())
        .label("excludes " + options.excludes().size());
    for (String exclude : options.excludes()) digest.label(exclude);
    digest.label("checksum " + options.checksum())
        .label("unpack " + options.unpack())
        .label("keep-git-dir " + options.keepGitDir());
  }

  private void source(String source) throws IOException, SymlinkResolver.EscapeException {
    digest.label("source " + source);
    if (fromContext && TreePaths.leavesRoot(source)) throw SourceErrors.outsideContext(options.line(), source);
    if (options.parents()) {
      withParents(source);
      return;
    }
    String pattern = TreePaths.clean(source);
    boolean wildcards = SourceMatcher.hasWildcards(pattern);
    for (SourceMatcher.Match match : SourceMatcher.matches(tree, resolver, pattern)) {
      LayerEntry entry = resolve(match.path());
      boolean directory = entry == null || entry instanceof LayerEntry.Directory;
      if (wildcards && excludes.excludes(match.relative(), directory)) continue;
      digest.label("match " + match.path() + " -> " + (entry == null ? "" : entry.path()));
      // A directory's contents are copied, never its own metadata; anything else is copied itself.
      if (directory) {
        contents(entry == null ? "" : entry.path(), "");
      } else {
        entry(entry, "");
      }
    }
  }

  /** {@code --parents}: the matches below the pivot, and the directories between it and them. */
  private void withParents(String source) throws IOException, SymlinkResolver.EscapeException {
    int pivot = source.indexOf("/./");
    String parent = pivot < 0 ? "" : TreePaths.clean(source.substring(0, pivot));
    String pattern = TreePaths.clean(pivot < 0 ? source : source.substring(pivot + 3));
    for (SourceMatcher.Match match : SourceMatcher.matches(tree, resolver, TreePaths.join(parent, pattern))) {
      String relative = parent.isEmpty() ? match.path() : match.path().substring(parent.length() + 1);
      LayerEntry entry = resolve(match.path());
      digest.label("match " + match.path() + " -> " + (entry == null ? "" : entry.path()));
      if (entry == null) {
        contents("", "");
        continue;
      }
      for (String dir = TreePaths.parent(relative); !dir.isEmpty(); dir = TreePaths.parent(dir)) {
        LayerEntry between = resolve(TreePaths.join(parent, dir));
        if (between != null) digest.entry(between);
      }
      entry(entry, relative);
    }
  }

  /** One entry the step copies, and below a directory everything it holds, as {@link TreeCopier#copy}. */
  private void entry(LayerEntry entry, String components) throws IOException {
    boolean directory = entry instanceof LayerEntry.Directory;
    if (excludes.excludes(components, directory)) return;
    digest.entry(entry);
    if (entry instanceof LayerEntry.File) filesRead.add(entry.path());
    if (directory) contents(entry.path(), components);
  }

  /** What the source directory {@code dir} holds, as {@link TreeCopier#copyContents}. */
  private void contents(String dir, String components) throws IOException {
    for (String name : tree.children(dir)) {
      Optional<LayerEntry> child = tree.lookup(TreePaths.join(dir, name));
      if (child.isPresent()) entry(child.get(), TreePaths.join(components, name));
    }
  }

  /** The entry a source path leads to, its symlinks followed inside the tree; null for the root. */
  private LayerEntry resolve(String path) throws IOException, SymlinkResolver.EscapeException {
    String resolved = resolver.resolve(path, true);
    if (resolved.isEmpty()) return null;
    return tree.lookup(resolved).orElseThrow(() -> SourceErrors.notFound(options.line(), resolved));
  }
}
