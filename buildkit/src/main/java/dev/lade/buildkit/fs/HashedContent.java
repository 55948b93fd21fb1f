package dev.lade.buildkit.fs;

import dev.lade.oci.layer.ContentSource;
import java.io.IOException;

/**
 * A file's content that can give its SHA-256 without being read when it is known already (a build
 * context file whose checksum was cached by an earlier build), so cache keys cost a stat, not a
 * read, for files that did not change.
 */
public interface HashedContent extends ContentSource {
  /** The SHA-256 of the content, 32 bytes, from a cache or by reading it. */
  byte[] sha256() throws IOException;
}
