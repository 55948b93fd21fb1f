package dev.lade.runner.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.runner.snapshot.fs.FileStat;
import dev.lade.runner.snapshot.fs.Posix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CacheMountsTest {
  @TempDir Path root;

  @Test
  void aCacheKeepsItsContentsAndFirstOwnerByIdAcrossUses() throws Exception {
    assumeTrue(Posix.isRoot(), "chown of a new cache needs root");
    CacheMounts caches = new CacheMounts(root);
    Path first;
    try (CacheDir cache = caches.acquire("go-build", CacheSharing.SHARED, 1000, 1000, 0700)) {
      assertTrue(cache.created());
      first = cache.path();
      FileStat stat = FileStat.of(first);
      assertEquals(1000, stat.uid());
      assertEquals(0700, stat.permissions());
      Files.writeString(first.resolve("kept"), "x");
    }
    try (CacheDir again = caches.acquire("go-build", CacheSharing.SHARED, 0, 0, 0755)) {
      assertFalse(again.created());
      assertEquals(first, again.path());
      assertEquals(1000, FileStat.of(again.path()).uid(), "an existing cache keeps what it was given first");
      assertTrue(Files.exists(again.path().resolve("kept")));
    }
    try (CacheDir other = caches.acquire("npm", CacheSharing.SHARED, 0, 0, 0755)) {
      assertNotEquals(first, other.path());
    }
  }

  @Test
  void sharedUsersMeetPrivateOnesGetTheirOwn() throws Exception {
    CacheMounts caches = new CacheMounts(root);
    try (CacheDir a = caches.acquire("c", CacheSharing.SHARED, (int) uid(), (int) gid(), 0755);
        CacheDir b = caches.acquire("c", CacheSharing.SHARED, (int) uid(), (int) gid(), 0755)) {
      assertEquals(a.path(), b.path());
    }
    try (CacheDir a = caches.acquire("c", CacheSharing.PRIVATE, (int) uid(), (int) gid(), 0755)) {
      try (CacheDir b = caches.acquire("c", CacheSharing.PRIVATE, (int) uid(), (int) gid(), 0755)) {
        assertNotEquals(a.path(), b.path());
      }
    }
  }

  @Test
  void lockedWaitsForTheHolder() throws Exception {
    CacheMounts caches = new CacheMounts(root);
    int uid = (int) uid();
    int gid = (int) gid();
    CacheDir held = caches.acquire("c", CacheSharing.LOCKED, uid, gid, 0755);
    CompletableFuture<Path> waiter = CompletableFuture.supplyAsync(() -> {
      try (CacheDir next = caches.acquire("c", CacheSharing.LOCKED, uid, gid, 0755)) {
        return next.path();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    assertThrows(TimeoutException.class, () -> waiter.get(300, TimeUnit.MILLISECONDS));
    held.close();
    assertEquals(held.path(), waiter.get(10, TimeUnit.SECONDS));
  }

  private static long uid() throws Exception {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
  }

  private static long gid() throws Exception {
    return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
  }
}
