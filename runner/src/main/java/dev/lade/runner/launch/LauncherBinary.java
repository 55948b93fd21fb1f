package dev.lade.runner.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The native launcher executable, built by the Maven build into the jar: copied out once to a cache directory
 * keyed by its hash, so a new lade never runs an old launcher and concurrent lades share one copy. The build records
 * the hash next to it; once extracted, starting lade reads only that.
 */
public final class LauncherBinary {

  private static final String RESOURCE = "lade-launch";

  private LauncherBinary() {}

  /** The launcher under {@code cacheDir}, extracted there first if needed. */
  public static Path extract(Path cacheDir) throws IOException {
    String builtHash = builtHash();
    if (builtHash != null) {
      Path target = cacheDir.resolve(builtHash).resolve(RESOURCE);
      if (Files.isExecutable(target)) {
        return target; // extracted before: no need to read and hash a megabyte at every start
      }
    }
    byte[] binary;
    try (InputStream in = LauncherBinary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the native launcher is missing from lade's jar (was it built without gcc?)");
      }
      binary = in.readAllBytes(); // under 1 MiB
    }
    Path dir = cacheDir.resolve(sha256(binary));
    Path target = dir.resolve(RESOURCE);
    if (Files.isExecutable(target)) {
      return target;
    }
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, RESOURCE, ".tmp");
    try {
      Files.write(temp, binary);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r-xr-xr-x"));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** The launcher's SHA-256 as the build recorded it next to the launcher, or null when it did not. */
  private static String builtHash() throws IOException {
    try (InputStream in = LauncherBinary.class.getResourceAsStream(RESOURCE + ".sha256")) {
      String hash = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      return hash.matches("[0-9a-f]{64}") ? hash : null;
    }
  }

  /** The default cache: $XDG_CACHE_HOME/lade/launcher, else ~/.cache/lade/launcher. */
  public static Path defaultCacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("lade").resolve("launcher");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
