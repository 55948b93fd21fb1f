package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.TreePaths;

/**
 * A COPY destination as BuildKit's Dockerfile frontend computes it: relative to WORKDIR unless
 * absolute, cleaned, keeping a trailing slash ({@code .} and the empty string count as {@code
 * ./}), since a trailing slash means "into this directory".
 *
 * @param path the destination, relative to the root, clean ("" for the root)
 * @param directory whether it was written as a directory (trailing {@code /}, {@code /.})
 */
record DestinationPath(String path, boolean directory) {

  static DestinationPath of(String destination, String workdir) {
    String p = destination.isEmpty() || destination.equals(".") ? "./" : destination;
    boolean directory = p.endsWith("/") || p.endsWith("/.");
    String joined = p.startsWith("/") ? p : workdir + "/" + p;
    return new DestinationPath(TreePaths.clean(joined), directory || TreePaths.clean(joined).isEmpty());
  }

  /** The directory fsutil creates before copying: the path itself for a directory, else its parent. */
  String ensured() {
    return directory ? path : TreePaths.parent(path);
  }

  @Override
  public String toString() {
    return "/" + path + (directory && !path.isEmpty() ? "/" : "");
  }
}
