package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.buildkit.fs.archive.ArchiveFormat;
import dev.lade.buildkit.fs.archive.LocalArchives;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sources read from the build context or a {@code --from} tree: wildcards expanded, symlinks
 * followed at the top, {@code --parents} and ADD's archive unpacking applied.
 */
final class LocalSources {
  private final DockerCopier.Step step;
  private final FileTree tree;
  private final SymlinkResolver resolver;
  private final TreeCopier copier;

  LocalSources(DockerCopier.Step step) {
    this.step = step;
    this.tree = step.request().source();
    // The context is a boundary: a link leaving it is an error. An image's rootfs clamps links.
    this.resolver = new SymlinkResolver(tree, step.request().fromContext());
    this.copier = step.copier(tree);
  }

  /** The source paths of the regular files copied, for {@link dev.lade.buildkit.fs.FileTree#prefetch}. */
  List<String> filesRead() {
    return copier.filesRead();
  }

  void copy(String source, Path scratch) throws IOException {
    if (step.request().fromContext() && TreePaths.leavesRoot(source)) {
      throw SourceErrors.outsideContext(step.options().line(), source);
    }
    try {
      if (step.options().parents()) {
        copyWithParents(source);
        return;
      }
      String pattern = TreePaths.clean(source);
      List<SourceMatcher.Match> matches = SourceMatcher.matches(tree, resolver, pattern);
      ExcludeMatcher excludes = new ExcludeMatcher(step.options().excludes());
      for (SourceMatcher.Match match : matches) {
        LayerEntry entry = resolve(match.path());
        boolean directory = entry == null || entry instanceof LayerEntry.Directory;
        if (SourceMatcher.hasWildcards(pattern) && excludes.excludes(match.relative(), directory)) continue;
        if (entry instanceof LayerEntry.File file && unpacks()) {
          Optional<ArchiveFormat> format = LocalArchives.detect(file.content());
          if (format.isPresent()) {
            new ArchiveUnpacker(step, scratch).unpack(file, format.get());
            continue;
          }
        }
        step.copyInto(copier, entry, TreePaths.name(match.path()));
      }
    } catch (SymlinkResolver.EscapeException e) {
      throw SourceErrors.outsideContext(step.options().line(), source, e);
    } catch (SourceMatcher.MissingDirectory e) {
      throw SourceErrors.missingDirectory(step.options().line(), e);
    }
  }

  private boolean unpacks() {
    return step.options().add() && step.request().fromContext() && step.options().unpack().orElse(true);
  }

  /**
   * {@code --parents}: the path below the pivot ({@code /./}, else the root) is kept under the
   * destination, its directories taking their source's metadata, as fsutil's include patterns do.
   */
  private void copyWithParents(String source) throws IOException, SymlinkResolver.EscapeException {
    int pivot = source.indexOf("/./");
    String parent = pivot < 0 ? "" : TreePaths.clean(source.substring(0, pivot));
    String pattern = TreePaths.clean(pivot < 0 ? source : source.substring(pivot + 3));
    String full = TreePaths.join(parent, pattern);
    step.plan().nextSource(); // one copier for every match: fsutil's include patterns
    step.mkdirAll(step.resolveDestination(step.destination().path()));
    String destination = step.resolveDestination(step.destination().path());
    for (SourceMatcher.Match match : SourceMatcher.matches(tree, resolver, full)) {
      String relative = parent.isEmpty() ? match.path() : match.path().substring(parent.length() + 1);
      LayerEntry entry = resolve(match.path());
      if (entry == null) {
        copier.copyContents("", "", destination);
        continue;
      }
      createParents(parent, relative, destination);
      copier.copy(entry, relative, TreePaths.join(destination, relative), true);
    }
  }

  private void createParents(String parent, String relative, String destination)
      throws IOException, SymlinkResolver.EscapeException {
    List<String> prefixes = new ArrayList<>();
    for (String p = TreePaths.parent(relative); !p.isEmpty(); p = TreePaths.parent(p)) prefixes.add(0, p);
    for (String prefix : prefixes) {
      String target = TreePaths.join(destination, prefix);
      Optional<LayerEntry> existing = step.plan().lookup(target);
      if (existing.isPresent()) {
        if (existing.get() instanceof LayerEntry.Directory) continue;
        throw step.error(CopyException.Kind.INVALID_DESTINATION, "cannot copy to non-directory: /" + target);
      }
      LayerEntry dir = resolve(TreePaths.join(parent, prefix));
      if (!(dir instanceof LayerEntry.Directory d)) throw new IOException("/" + prefix + " is not a directory");
      step.plan().put(new LayerEntry.Directory(target, copier.metadata(d.metadata(), true)));
    }
  }

  /** The entry a source path leads to, its symlinks followed inside the tree; null for the root. */
  private LayerEntry resolve(String path) throws IOException, SymlinkResolver.EscapeException {
    String resolved = resolver.resolve(path, true);
    if (resolved.isEmpty()) return null;
    // BuildKit names the path it looked for: a dangling link's target (checked against dockerd 20.10)
    return tree.lookup(resolved).orElseThrow(() -> SourceErrors.notFound(step.options().line(), resolved));
  }
}
