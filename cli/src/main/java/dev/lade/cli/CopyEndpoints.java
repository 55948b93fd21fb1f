package dev.lade.cli;

import dev.lade.oci.archive.ArchiveFormat;
import dev.lade.oci.archive.ImageLoader;
import dev.lade.oci.archive.ImageSaver;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.transfer.ImageSource;
import dev.lade.registry.transfer.ImageTarget;
import dev.lade.registry.transfer.RegistryRepository;
import dev.lade.registry.transfer.StoreImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source and target of one {@code lade copy}, and what they hold open. A Docker archive goes
 * through a scratch store beside it: loaded into it as a source, saved from it as a target.
 */
final class CopyEndpoints implements AutoCloseable {
  private final RegistryAccess registries;
  private final Map<String, RegistryClient> clients = new LinkedHashMap<>();
  private final List<Path> scratch = new ArrayList<>();
  private PendingArchive pendingArchive;

  /** A Docker archive to write from the scratch store once the copy is done. */
  private record PendingArchive(OciLayoutStore store, Reference name, Path file) {}

  CopyEndpoints(RegistryAccess registries) {
    this.registries = registries;
  }

  ImageSource source(ImageLocation location) throws IOException {
    return switch (location) {
      case ImageLocation.Registry r -> new RegistryRepository(client(r.reference()), r.reference().path(),
          RemoteReference.tagOrDigest(r.reference()));
      case ImageLocation.Layout l -> {
        if (!Files.isDirectory(l.directory())) throw new UserInputException(l.directory() + ": no such directory");
        yield StoreImage.inLayout(OciLayoutStore.open(l.directory()), l.name());
      }
      case ImageLocation.DockerArchive a -> {
        if (!Files.isRegularFile(a.file())) throw new UserInputException(a.file() + ": no such file");
        OciLayoutStore store = scratchStore(a.file());
        ImageLoader.load(store, a.file());
        yield a.reference() == null ? StoreImage.inLayout(store, null) : StoreImage.named(store, a.reference());
      }
    };
  }

  /** The target; {@code source} is where the image comes from, to mount from or to name it after. */
  ImageTarget target(ImageLocation location, ImageLocation source) throws IOException {
    return switch (location) {
      case ImageLocation.Registry r -> {
        String tag = r.reference().digest() != null ? null : r.reference().tag();
        // Within one registry, the source repository holds every blob the copy reads: mount first.
        yield source instanceof ImageLocation.Registry from && from.reference().domain().equals(r.reference().domain())
            ? RegistryRepository.copyingFrom(client(r.reference()), r.reference().path(), tag, from.reference().path())
            : new RegistryRepository(client(r.reference()), r.reference().path(), tag);
      }
      case ImageLocation.Layout l -> {
        Files.createDirectories(l.directory());
        yield StoreImage.inLayout(OciLayoutStore.open(l.directory()), l.name());
      }
      case ImageLocation.DockerArchive a -> archiveTarget(a, source);
    };
  }

  private ImageTarget archiveTarget(ImageLocation.DockerArchive archive, ImageLocation source) throws IOException {
    Reference name = archive.reference();
    if (name == null && source instanceof ImageLocation.Registry r) name = r.reference();
    if (name == null) throw new UserInputException("name the image in the archive: docker-archive:" + archive.file() + ":REF");
    Path file = archive.file().toAbsolutePath();
    OciLayoutStore store = scratchStore(file);
    pendingArchive = new PendingArchive(store, name, file);
    return StoreImage.named(store, name);
  }

  /** Finishes a target that is written after the copy (an archive). */
  void complete() throws IOException {
    if (pendingArchive != null) save(pendingArchive.store(), pendingArchive.name(), pendingArchive.file());
  }

  // Written beside the target and renamed, so a failed copy leaves no partial archive.
  private static void save(OciLayoutStore store, Reference name, Path file) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        ImageSaver.save(store, List.of(name.toString()), ArchiveFormat.DOCKER, out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private OciLayoutStore scratchStore(Path beside) throws IOException {
    Path parent = beside.toAbsolutePath().getParent();
    Path directory = Files.createTempDirectory(parent, ".lade-copy-");
    scratch.add(directory);
    return OciLayoutStore.open(directory);
  }

  /** One client per registry: a copy within a registry asks it for {@code /v2/} and credentials once. */
  private RegistryClient client(Reference reference) {
    return clients.computeIfAbsent(reference.domain(), registries::client);
  }

  @Override
  public void close() throws IOException {
    for (RegistryClient client : clients.values()) client.close();
    for (Path directory : scratch) deleteTree(directory);
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
