package dev.lade.oci.store;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.image.Index;
import dev.lade.oci.image.InvalidImageException;
import dev.lade.oci.image.MediaType;
import dev.lade.oci.reference.InvalidReferenceException;
import dev.lade.oci.reference.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code index.json} of an OCI layout. Each reference is an entry annotated with {@code
 * org.opencontainers.image.ref.name} holding the full reference, which is what skopeo's {@code
 * oci:DIR:REF} looks up. Updates rewrite the file atomically under the index lock.
 */
final class LayoutRefIndex implements RefIndex {
  /** The OCI annotation naming an index entry. */
  static final String REF_NAME = "org.opencontainers.image.ref.name";

  private final Path indexFile;
  private final Path tmpDir;
  private final LockFile indexLock;
  private final BlobStore blobs;

  LayoutRefIndex(Path indexFile, Path tmpDir, LockFile indexLock, BlobStore blobs) {
    this.indexFile = indexFile;
    this.tmpDir = tmpDir;
    this.indexLock = indexLock;
    this.blobs = blobs;
  }

  @Override
  public List<RefEntry> list() throws IOException {
    List<RefEntry> entries = new ArrayList<>();
    for (Descriptor d : read().manifests()) entries.add(new RefEntry(referenceOf(d), d));
    return entries;
  }

  @Override
  public Optional<Descriptor> get(Reference reference) throws IOException {
    String name = reference.toString();
    return read().manifests().stream().filter(d -> name.equals(d.annotations().get(REF_NAME))).findFirst();
  }

  @Override
  public void put(Reference reference, Descriptor target) throws IOException {
    putName(reference.toString(), target);
  }

  /** Points the entry whose ref-name annotation is {@code name}, whatever it holds, at {@code target}. */
  void putName(String name, Descriptor target) throws IOException {
    requirePresent(target);
    Descriptor entry = target.withAnnotations(withRefName(target.annotations(), name));
    update(index -> {
      List<Descriptor> kept = new ArrayList<>();
      for (Descriptor d : index.manifests()) {
        boolean sameName = name.equals(d.annotations().get(REF_NAME));
        boolean untaggedSame = referenceOf(d).isEmpty() && d.digest().equals(target.digest());
        if (!sameName && !untaggedSame) kept.add(d);
      }
      kept.add(entry);
      return index.withManifests(kept);
    });
  }

  @Override
  public void putUntagged(Descriptor target) throws IOException {
    requirePresent(target);
    Map<String, String> annotations = new HashMap<>(target.annotations());
    annotations.remove(REF_NAME);
    Descriptor entry = target.withAnnotations(annotations);
    update(index -> {
      boolean known = index.manifests().stream().anyMatch(d -> d.digest().equals(target.digest()));
      if (known) return index;
      List<Descriptor> all = new ArrayList<>(index.manifests());
      all.add(entry);
      return index.withManifests(all);
    });
  }

  @Override
  public boolean remove(Reference reference) throws IOException {
    String name = reference.toString();
    boolean[] removed = {false};
    update(index -> {
      List<Descriptor> kept = new ArrayList<>();
      for (Descriptor d : index.manifests()) {
        if (name.equals(d.annotations().get(REF_NAME))) removed[0] = true;
        else kept.add(d);
      }
      return removed[0] ? index.withManifests(kept) : index;
    });
    return removed[0];
  }

  /** Reads, changes and atomically rewrites the index under the index lock. */
  void update(UnaryOperator<Index> change) throws IOException {
    whileLocked(before -> {
      Index after = change.apply(before);
      if (after != before) AtomicFiles.write(tmpDir, indexFile, LayoutIndexJson.write(after));
      return null;
    });
  }

  /** Work that must see the index unchanged while it runs. */
  interface LockedAction<T> {
    T run(Index current) throws IOException;
  }

  /** Runs {@code action} on the current index while holding the index lock. */
  <T> T whileLocked(LockedAction<T> action) throws IOException {
    try (Lease lock = indexLock.exclusive()) {
      return action.run(read());
    }
  }

  /** Writes an empty index if there is none. */
  void createIfMissing() throws IOException {
    if (Files.exists(indexFile)) return;
    whileLocked(current -> {
      if (!Files.exists(indexFile)) AtomicFiles.write(tmpDir, indexFile, LayoutIndexJson.write(current));
      return null;
    });
  }

  /** The current index; an empty one if the file does not exist yet. */
  Index read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(indexFile);
    } catch (NoSuchFileException e) {
      return empty();
    }
    try {
      return Index.parse(bytes);
    } catch (InvalidImageException e) {
      throw new CorruptStoreException(indexFile, e.getMessage());
    }
  }

  static Index empty() {
    return Index.of(MediaType.OCI_INDEX, List.of());
  }

  private void requirePresent(Descriptor target) throws IOException {
    if (!blobs.has(target.digest())) throw new BlobNotFoundException(target.digest());
  }

  private static Map<String, String> withRefName(Map<String, String> annotations, String name) {
    Map<String, String> copy = new HashMap<>(annotations);
    copy.put(REF_NAME, name);
    return copy;
  }

  // Entries written by other tools may carry a bare tag ("latest"); they have no usable name.
  static Optional<Reference> referenceOf(Descriptor d) {
    String name = d.annotations().get(REF_NAME);
    if (name == null) return Optional.empty();
    try {
      Reference parsed = Reference.parse(name);
      return parsed.tag().isEmpty() && parsed.digest() == null ? Optional.empty() : Optional.of(parsed);
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }
}
