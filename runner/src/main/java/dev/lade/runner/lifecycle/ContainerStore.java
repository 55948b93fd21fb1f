package dev.lade.runner.lifecycle;

import dev.lade.oci.store.Lease;
import dev.lade.oci.store.LockFile;
import dev.lade.runner.launch.SupervisorFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The containers lade keeps, one directory each under {@code $LADE_ROOT/containers}:
 *
 * <pre>
 * containers/containers.lock   held while a container is added or removed (names stay unique across lades)
 * containers/&lt;id&gt;/container.json  its {@link ContainerRecord}, replaced whole by rename
 * containers/&lt;id&gt;/...           its supervisor's records and its log ({@link SupervisorFiles})
 * </pre>
 */
public final class ContainerStore {

  private static final String RECORD = "container.json";
  private static final int NAME_ATTEMPTS = 10;

  private final Path root;

  private ContainerStore(Path root) {
    this.root = root;
  }

  /** The containers of the image store at {@code storeRoot}. */
  public static ContainerStore open(Path storeRoot) throws IOException {
    return new ContainerStore(Files.createDirectories(storeRoot.resolve("containers")));
  }

  /**
   * Adds {@code draft} (its name null: a generated one), failing as docker when the name is taken.
   *
   * @return the record as stored, with its name
   */
  public Container add(ContainerRecord draft) throws ContainerException, IOException {
    try (Lease lock = lock()) {
      List<Container> existing = list();
      String name = draft.name().isEmpty() ? freeName(existing) : ContainerNames.validate(draft.name());
      for (Container container : existing) {
        if (container.name().equals(name)) {
          throw new ContainerException("Conflict. The container name \"/" + name + "\" is already in use by"
              + " container \"" + container.id() + "\". You have to remove (or rename) that container to be able"
              + " to reuse that name.");
        }
      }
      ContainerRecord record = new ContainerRecord(draft.id(), name, draft.image(), draft.imageId(),
          draft.created(), draft.process(), draft.hostname(), draft.stopSignal(), draft.autoRemove(),
          draft.snapshotId(), draft.rootfs(), draft.cgroupProcs(), draft.ports());
      Files.createDirectory(dir(record.id()));
      write(record);
      SupervisorFiles files = new SupervisorFiles(dir(record.id()));
      return new Container(record, ContainerState.read(files), files);
    }
  }

  /** Replaces the stored record of {@code record.id()}. */
  public void write(ContainerRecord record) throws IOException {
    Path target = dir(record.id()).resolve(RECORD);
    Path temp = target.resolveSibling(RECORD + ".tmp");
    Files.write(temp, ContainerRecordJson.write(record));
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every container, newest first. */
  public List<Container> list() throws IOException {
    List<Container> containers = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try {
          containers.add(read(dir));
        } catch (NoSuchFileException e) {
          // Being added or removed by another lade.
        }
      }
    }
    containers.sort(Comparator.comparing((Container c) -> c.record().created()).reversed());
    return containers;
  }

  /** The container named {@code nameOrId}: its full id, its name, or an unambiguous id prefix, as docker. */
  public Container find(String nameOrId) throws ContainerException, IOException {
    return find(list(), nameOrId);
  }

  /** As {@link #find(String)} among {@code all}, a {@link #list()} taken a moment ago. */
  public static Container find(List<Container> all, String nameOrId) throws ContainerException {
    String name = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
    for (Container container : all) {
      if (container.id().equals(nameOrId) || container.name().equals(name)) {
        return container;
      }
    }
    List<Container> prefixed = nameOrId.isEmpty() ? List.of()
        : all.stream().filter(c -> c.id().startsWith(nameOrId)).toList();
    if (prefixed.size() > 1) {
      throw new ContainerException("multiple IDs found with provided prefix: " + nameOrId);
    }
    if (prefixed.isEmpty()) {
      throw new ContainerException("No such container: " + nameOrId);
    }
    return prefixed.get(0);
  }

  /** Deletes container {@code id}'s directory. */
  public void delete(String id) throws IOException {
    try (Lease lock = lock()) {
      Path dir = dir(id);
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** Container {@code id}'s directory. */
  public Path dir(String id) {
    if (!ContainerId.isFullId(id)) {
      throw new IllegalArgumentException("not a container id: " + id);
    }
    return root.resolve(id);
  }

  private Container read(Path dir) throws IOException {
    Path file = dir.resolve(RECORD);
    ContainerRecord record;
    try {
      record = ContainerRecordJson.read(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    SupervisorFiles files = new SupervisorFiles(dir);
    return new Container(record, ContainerState.read(files), files);
  }

  private static String freeName(List<Container> existing) {
    for (int attempt = 0; ; attempt++) {
      String name = ContainerNames.random(attempt);
      if (attempt >= NAME_ATTEMPTS || existing.stream().noneMatch(c -> c.name().equals(name))) {
        return name;
      }
    }
  }

  private Lease lock() throws IOException {
    return LockFile.of(root.resolve("containers.lock")).exclusive();
  }
}
