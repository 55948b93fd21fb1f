package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A tree opened when first read: a step that needs the root filesystem only if it is not cached
 * (a RUN) gets one of these, so that a cached step reads none of the layers below it.
 */
final class LazyTree implements FileTree {
  /** Opens the tree. */
  @FunctionalInterface
  interface Opener {
    FileTree open() throws IOException;
  }

  private final Opener opener;
  private FileTree tree;

  LazyTree(Opener opener) {
    this.opener = opener;
  }

  private synchronized FileTree tree() throws IOException {
    if (tree == null) tree = opener.open();
    return tree;
  }

  @Override
  public Optional<LayerEntry> lookup(String path) throws IOException {
    return tree().lookup(path);
  }

  @Override
  public List<String> children(String path) throws IOException {
    return tree().children(path);
  }

  @Override
  public void prefetch(Collection<String> paths) throws IOException {
    tree().prefetch(paths);
  }
}
