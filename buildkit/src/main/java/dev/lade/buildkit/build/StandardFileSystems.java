package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.CopyRequest;
import dev.lade.buildkit.fs.CopyResult;
import dev.lade.buildkit.fs.CopySources;
import dev.lade.buildkit.fs.FileCopier;
import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.context.ChecksumCache;
import dev.lade.buildkit.fs.context.ContextTree;
import dev.lade.buildkit.fs.copy.DockerCopier;
import dev.lade.buildkit.fs.layers.LayerTrees;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.digest.Digest;
import dev.lade.oci.image.Descriptor;
import dev.lade.oci.store.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The file trees and copier lade builds with: the build context read in place with its
 * .dockerignore, root filesystems seen through their layers in the store (each layer indexed once
 * per build), and COPY/ADD with Docker's rules. Downloads, unpacked archives and files extracted
 * from layers go to a scratch directory that {@link #close} deletes: close only after the build's
 * layers are written. Context files' checksums are remembered between builds in a {@link
 * ChecksumCache}, which {@link #close} saves.
 */
public final class StandardFileSystems implements FileTrees, FileCopier, AutoCloseable {
  private static final AtomicLong SCRATCH_NAMES = new AtomicLong();

  private final Path scratch;
  private final ChecksumCache checksums;
  private final DockerCopier copier;
  private final Map<BlobStore, LayerTrees> layerTrees = new ConcurrentHashMap<>();
  private volatile boolean saveChecksums = true;

  private StandardFileSystems(Path scratch, ChecksumCache checksums) {
    this.scratch = scratch;
    this.checksums = checksums;
    // Made when first written to: a build from the cache writes no scratch files.
    this.copier = new DockerCopier(scratch.resolve("copy"));
  }

  /**
   * File systems whose scratch files go into {@code scratch}, a directory created when first
   * needed and deleted on close, and that remember context checksums in the file {@code
   * checksums}.
   */
  public static StandardFileSystems open(Path scratch, Path checksums) throws IOException {
    return new StandardFileSystems(scratch, ChecksumCache.open(checksums));
  }

  /**
   * As {@link #open}, the scratch directory a new one in {@code parent}, named after this process
   * (no random name, whose generator costs a build from the cache more than the rest of its file
   * work).
   */
  public static StandardFileSystems openIn(Path parent, Path checksums) throws IOException {
    String name = "build-" + ProcessHandle.current().pid() + "-" + SCRATCH_NAMES.incrementAndGet() + "-"
        + System.nanoTime();
    return open(parent.resolve(name), checksums);
  }

  @Override
  public FileTree context(Path directory, IgnorePatterns ignore) throws IOException {
    return ContextTree.open(directory, ignore, checksums);
  }

  @Override
  public FileTree layers(BlobStore blobs, List<Descriptor> layers) throws IOException {
    LayerTrees trees = layerTrees.computeIfAbsent(blobs,
        b -> new LayerTrees(b, scratch.resolve("layers-" + Integer.toHexString(System.identityHashCode(b)))));
    return trees.open(layers.stream().map(Descriptor::digest).toList());
  }

  @Override
  public CopyResult copy(CopyRequest request) throws IOException {
    return copier.copy(request);
  }

  @Override
  public Optional<Digest> sourceChecksum(CopySources sources) throws IOException {
    return copier.sourceChecksum(sources);
  }

  /** Saves no checksums on {@link #close}: a build that failed leaves the store's files as they were. */
  public void discardChecksums() {
    saveChecksums = false;
  }

  /** Saves the checksums learnt (unless discarded), then deletes the scratch directory and everything in it. */
  @Override
  public void close() throws IOException {
    if (saveChecksums) checksums.save();
    if (!Files.exists(scratch)) return;
    try (Stream<Path> all = Files.walk(scratch)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
