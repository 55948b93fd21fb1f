package dev.lade.oci.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a file's content when the layer writer reaches it, so no content is held in memory. Each
 * call opens a fresh stream, which the caller closes.
 */
@FunctionalInterface
public interface ContentSource {
  InputStream open() throws IOException;
}
