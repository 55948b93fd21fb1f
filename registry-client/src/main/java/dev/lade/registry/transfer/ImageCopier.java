package dev.lade.registry.transfer;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.platform.PlatformPreference;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies an image from an {@link ImageSource} to an {@link ImageTarget}: the blobs in parallel (at
 * most {@code concurrency} at a time), skipping those the target can mount or has; then the
 * manifests, children first, with their exact bytes; then the root, which names the image.
 *
 * <p>The blobs move on platform threads, not virtual ones: a virtual thread blocked on a socket
 * parks on the JDK's poller, a platform thread that stays in {@code epoll_wait} for the rest of the
 * process, and the JVM waits 300 ms at exit for threads in native code to settle. A handful of
 * threads each blocked in its own socket read costs nothing of the sort.
 *
 * <pre>{@code
 * CopyResult copied = new ImageCopier(4, TransferListener.NONE)
 *     .copy(new RegistryRepository(client, "lade/app", "1.0"), StoreImage.named(store, ref), PlatformPreference.host());
 * }</pre>
 */
public final class ImageCopier {
  /**
   * Blobs moved at once by default, as skopeo's: an image's layers (Docker Hub images mostly have
   * fewer than 7) all start at once rather than the last one waiting and ending alone.
   */
  public static final int DEFAULT_CONCURRENCY = 6;

  private final int concurrency;
  private final TransferListener listener;

  public ImageCopier(int concurrency, TransferListener listener) {
    if (concurrency < 1) throw new IllegalArgumentException("concurrency must be positive");
    this.concurrency = concurrency;
    this.listener = listener;
  }

  /**
   * Copies what {@code source} names to {@code target}. From an index, {@code platforms} picks the
   * one manifest to copy (the index itself is copied too, unchanged); null copies all of them.
   */
  public CopyResult copy(ImageSource source, ImageTarget target, PlatformPreference platforms) throws IOException {
    Descriptor root = source.root();
    CopyPlan plan = CopyPlan.of(source, root, platforms);
    AtomicInteger sent = new AtomicInteger();
    copyBlobs(source, target, plan.blobs(), sent);
    List<CopyPlan.Document> documents = plan.documents();
    for (CopyPlan.Document document : documents.subList(0, documents.size() - 1)) {
      target.putManifest(document.descriptor(), document.bytes());
    }
    target.putRoot(root, documents.get(documents.size() - 1).bytes(), source);
    Descriptor manifest = imageManifest(plan, platforms);
    return new CopyResult(root, manifest, sent.get(), plan.blobs().size() - sent.get());
  }

  private static Descriptor imageManifest(CopyPlan plan, PlatformPreference platforms) {
    if (plan.root().mediaType().isManifest()) return plan.root();
    if (platforms == null) return null;
    return plan.documents().stream().map(CopyPlan.Document::descriptor)
        .filter(d -> d.mediaType().isManifest()).findFirst().orElse(null);
  }

  private void copyBlobs(ImageSource source, ImageTarget target, List<Descriptor> blobs, AtomicInteger sent)
      throws IOException {
    int threads = Math.min(concurrency, blobs.size());
    if (threads == 0) return;
    ThreadFactory factory = Thread.ofPlatform().daemon().name("lade-blob-", 1).factory();
    ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (Descriptor blob : blobs) {
        running.add(pool.submit(() -> {
          if (copyBlob(source, target, blob)) sent.incrementAndGet();
          return null;
        }));
      }
      awaitAll(running);
    } finally {
      // After a failure the other transfers are abandoned, not awaited: a platform thread blocked in
      // a socket read does not see interrupts, and the error should not wait for a gigabyte to
      // arrive. Those daemon threads end with their transfer; what they store is verified whole.
      pool.shutdownNow();
    }
  }

  /** Copies one blob; returns whether its bytes were sent. */
  private boolean copyBlob(ImageSource source, ImageTarget target, Descriptor blob) throws IOException {
    // A registry grants a mount of a blob it already has in the target as well: where the mount is
    // sure to be granted (a copy within a registry), asked first it saves a HEAD per blob. Where it
    // is a guess (a push's origin), the HEAD goes first: one request for a blob the target has.
    boolean mountFirst = target.mountsFirst();
    if (mountFirst && target.mountBlob(blob)) {
      listener.blob(blob, TransferListener.Event.MOUNTED);
      return false;
    }
    if (target.hasBlob(blob)) {
      listener.blob(blob, TransferListener.Event.EXISTS);
      return false;
    }
    if (!mountFirst && target.mountBlob(blob)) {
      listener.blob(blob, TransferListener.Event.MOUNTED);
      return false;
    }
    listener.blob(blob, TransferListener.Event.STARTED);
    target.putBlob(blob, listener == TransferListener.NONE ? source : new ProgressSource(source, listener));
    listener.blob(blob, TransferListener.Event.DONE);
    return true;
  }

  /** Waits for every task; the first failure cancels the rest (as far as they heed interrupts) and is thrown. */
  private static void awaitAll(List<Future<?>> running) throws IOException {
    try {
      for (Future<?> future : running) future.get();
    } catch (ExecutionException e) {
      running.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException runtime) throw runtime;
      throw new IOException(cause);
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("copy interrupted");
    }
  }
}
