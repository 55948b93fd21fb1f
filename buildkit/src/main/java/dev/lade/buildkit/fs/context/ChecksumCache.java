package dev.lade.buildkit.fs.context;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of build context files, kept between builds and keyed by each file's path and
 * {@link FileStamp}, so a rebuild hashes only the files that changed. A file changed within a
 * second of being hashed is not remembered: a coarse clock could give its next version the same
 * stamp (git's "racily clean" problem).
 *
 * <p>Stored as one text file, {@code SHA256-HEX DEV INO SIZE MTIME-NS CTIME-NS PATH} a line,
 * replaced atomically by {@link #save}; a damaged file is ignored and rewritten.
 */
public final class ChecksumCache {
  private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final HexFormat HEX = HexFormat.of();
  /** Beyond this many entries, those this build did not use are dropped on save. */
  private static final int LIMIT = 200_000;

  private final Path file;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private volatile boolean changed;

  private record Entry(FileStamp stamp, byte[] sha256) {}

  private ChecksumCache(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** The cache stored at {@code file} (empty when there is none yet). */
  public static ChecksumCache open(Path file) throws IOException {
    return open(file, Clock.systemUTC());
  }

  static ChecksumCache open(Path file, Clock clock) throws IOException {
    ChecksumCache cache = new ChecksumCache(file, clock);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        String[] fields = line.split(" ", 7);
        if (fields.length != 7 || fields[0].length() != 64) continue;
        cache.entries.put(fields[6], new Entry(FileStamp.decode(fields, 1), HEX.parseHex(fields[0])));
      }
    } catch (NoSuchFileException e) {
      // first build
    } catch (IllegalArgumentException e) {
      cache.entries.clear(); // damaged: start over
    }
    return cache;
  }

  /** The remembered SHA-256 of {@code path} when its stamp is still {@code stamp}. */
  Optional<byte[]> get(Path path, FileStamp stamp) {
    Entry e = entries.get(path.toString());
    if (e == null || !e.stamp().equals(stamp)) return Optional.empty();
    used.add(path.toString());
    return Optional.of(e.sha256());
  }

  /** Remembers the SHA-256 of {@code path} at {@code stamp}, unless the file changed too recently to trust it. */
  void put(Path path, FileStamp stamp, byte[] sha256) {
    long now = TimeUnit.MILLISECONDS.toNanos(clock.millis());
    if (now - stamp.latestNanos() < RACY_NANOS || path.toString().contains("\n")) return;
    entries.put(path.toString(), new Entry(stamp, sha256.clone()));
    used.add(path.toString());
    changed = true;
  }

  /** Writes the cache back if anything was added. */
  public void save() throws IOException {
    if (!changed) return;
    if (entries.size() > LIMIT) entries.keySet().retainAll(used);
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
          out.write(HEX.formatHex(e.getValue().sha256()) + " " + e.getValue().stamp().encode() + " " + e.getKey());
          out.newLine();
        }
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      changed = false;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
