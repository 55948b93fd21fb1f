package dev.lade.buildkit.fs.copy;

/** A numeric owner that copied files get. */
record Owner(long uid, long gid) {
  static final Owner ROOT = new Owner(0, 0);
}
