package dev.lade.buildkit.fs.fetch;

import dev.lade.oci.digest.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A file ADD downloaded.
 *
 * @param file where its content was stored
 * @param size its length in bytes
 * @param digest the SHA-256 of the content (or the algorithm asked for)
 * @param lastModified the server's {@code Last-Modified} time, which becomes the file's mtime
 */
public record FetchedFile(Path file, long size, Digest digest, Optional<Instant> lastModified) {}
