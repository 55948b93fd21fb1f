package dev.lade.buildkit.fs.context;

import dev.lade.buildkit.fs.HashedContent;
import dev.lade.buildkit.fs.SharedContent;
import dev.lade.oci.digest.DigestAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The content of a file read in place from the local disk.
 *
 * @param file the file on disk
 * @param inode the device and inode number when the file has more than one name, else null
 * @param stamp the file's stamp when it was looked up
 * @param checksums where its SHA-256 is remembered between builds; null for nowhere
 */
record LocalFileContent(Path file, Object inode, FileStamp stamp, ChecksumCache checksums)
    implements SharedContent, HashedContent {
  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public byte[] sha256() throws IOException {
    if (checksums != null) {
      var known = checksums.get(file, stamp);
      if (known.isPresent()) return known.get();
    }
    MessageDigest md = DigestAlgorithm.SHA256.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = open()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
        total += n;
      }
    }
    if (total != stamp.size()) {
      throw new IOException(file + " changed while it was read (" + total + " bytes, expected " + stamp.size() + ")");
    }
    byte[] sha256 = md.digest();
    if (checksums != null) checksums.put(file, stamp, sha256);
    return sha256;
  }
}
