package dev.lade.buildkit.fs.copy;

import dev.lade.buildkit.fs.CopyException;
import dev.lade.buildkit.fs.fetch.FetchedFile;
import dev.lade.buildkit.fs.fetch.UrlFetcher;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.digest.DigestAlgorithm;
import dev.lade.oci.digest.InvalidDigestException;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * ADD's URL sources, as BuildKit's HTTP source delivers them: a file named after the URL path's
 * last component ({@code __unnamed__} when there is none), mode 0600, owned by root, with the
 * server's Last-Modified time (else 1970-01-01, as BuildKit); never unpacked; {@code --checksum} verified.
 */
final class RemoteSources {
  private static final String UNNAMED = "__unnamed__";

  private final DockerCopier.Step step;
  private final UrlFetcher fetcher;
  private final Path scratch;

  RemoteSources(DockerCopier.Step step, UrlFetcher fetcher, Path scratch) {
    this.step = step;
    this.fetcher = fetcher;
    this.scratch = scratch;
  }

  static boolean isHttp(String source) {
    return (source.startsWith("http://") || source.startsWith("https://")) && !isGit(source);
  }

  /** Git URLs, as BuildKit's {@code dfgitutil.ParseGitRef} recognises the common forms. */
  static boolean isGit(String source) {
    if (source.startsWith("git@") || source.startsWith("git://") || source.startsWith("ssh://")) return true;
    if (!source.startsWith("http://") && !source.startsWith("https://")) return false;
    String path = source.replaceFirst("#.*$", "").replaceFirst("\\?.*$", "");
    return path.endsWith(".git");
  }

  void add(String source) throws IOException {
    URI url;
    try {
      url = new URI(source);
    } catch (URISyntaxException e) {
      throw step.error(CopyException.Kind.INVALID_OPTION, "invalid URL " + source + ": " + e.getMessage());
    }
    Optional<Digest> expected = expectedDigest();
    Files.createDirectories(scratch);
    FetchedFile fetched;
    try {
      fetched = fetcher.fetch(url, expected.map(Digest::algorithm).orElse(DigestAlgorithm.SHA256), scratch);
    } catch (IOException e) {
      throw new CopyException(CopyException.Kind.FETCH_FAILED, step.options().line(),
          "failed to load " + source + ": " + e.getMessage(), e);
    }
    if (expected.isPresent() && !expected.get().equals(fetched.digest())) {
      throw step.error(CopyException.Kind.CHECKSUM_MISMATCH,
          "digest mismatch " + fetched.digest() + ": " + expected.get());
    }
    String name = fileName(url);
    Path file = fetched.file();
    LayerEntry.File entry = new LayerEntry.File(name,
        EntryMetadata.of(0600, 0, 0, fetched.lastModified().orElse(Instant.EPOCH)), fetched.size(),
        () -> Files.newInputStream(file));
    step.copyInto(step.copier(LayerPlan.EMPTY), entry, name);
  }

  private Optional<Digest> expectedDigest() throws CopyException {
    if (step.options().checksum().isEmpty()) return Optional.empty();
    try {
      return Optional.of(Digest.parse(step.options().checksum().get()));
    } catch (InvalidDigestException e) {
      throw step.error(CopyException.Kind.INVALID_OPTION, e.getMessage());
    }
  }

  /** Go's {@code path.Base} of the URL path, or {@code __unnamed__}. */
  static String fileName(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    String base = path.substring(path.lastIndexOf('/') + 1);
    return base.isEmpty() || base.equals(".") || base.equals("/") ? UNNAMED : base;
  }
}
