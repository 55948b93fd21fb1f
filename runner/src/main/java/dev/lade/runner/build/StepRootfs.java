package dev.lade.runner.build;

import dev.lade.runner.container.RootlessOverlay;
import dev.lade.runner.snapshot.LayerLookup;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.user.ExecUser;
import dev.lade.runner.user.RootfsPath;
import dev.lade.runner.user.UnknownUserException;
import dev.lade.runner.user.UserResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A step's root filesystem as lade reads it before the process starts (its users, whether mount
 * targets exist) and cleans it after: mounted here and read through the mount, or a rootless
 * overlay the launcher mounts in the container's user namespace, read from its layers.
 */
sealed interface StepRootfs {
  /** Where the container's root is on the host. */
  Path path();

  /** The mount the launcher makes on {@link #path()}, when this process could not. */
  Optional<Mount> rootMount();

  /** USER resolved against the image's /etc/passwd and /etc/group. */
  ExecUser user(String user) throws IOException;

  /** Whether {@code path} (absolute, in the container) exists. */
  boolean exists(String path) throws IOException;

  /** Where {@code path} is now, to remove what the step left there. */
  Optional<Path> locate(String path) throws IOException;

  /** Creates the working directory when missing (the launcher does when it mounts the root). */
  void ensureWorkdir(String workdir) throws IOException;

  /** A root filesystem mounted (or copied) at {@code path}. */
  record Mounted(Path path) implements StepRootfs {
    @Override
    public Optional<Mount> rootMount() {
      return Optional.empty();
    }

    @Override
    public ExecUser user(String user) throws IOException {
      try {
        return UserResolver.resolve(path, user);
      } catch (UnknownUserException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public boolean exists(String target) throws IOException {
      return RootfsPath.resolve(path, target).isPresent();
    }

    @Override
    public Optional<Path> locate(String target) throws IOException {
      return RootfsPath.resolve(path, target);
    }

    /** As runc does: missing directories on the way made inside the root filesystem. */
    @Override
    public void ensureWorkdir(String workdir) throws IOException {
      String existing = "";
      for (String name : workdir.split("/")) {
        if (name.isEmpty() || name.equals(".")) continue;
        String next = existing + "/" + name;
        if (RootfsPath.resolve(path, next).isEmpty()) {
          Path parent = RootfsPath.resolve(path, existing.isEmpty() ? "/" : existing)
              .orElseThrow(() -> new IOException("cannot create the working directory " + workdir));
          Files.createDirectory(parent.resolve(name));
        }
        existing = next;
      }
    }
  }

  /** An overlay snapshot the launcher mounts: read from its layers, cleaned in its upper directory. */
  record InLauncher(RootlessOverlay overlay) implements StepRootfs {
    @Override
    public Path path() {
      return overlay.snapshot().rootfs();
    }

    @Override
    public Optional<Mount> rootMount() {
      return Optional.of(overlay.rootMount());
    }

    @Override
    public ExecUser user(String user) throws IOException {
      try {
        return overlay.users().resolve(user);
      } catch (UnknownUserException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public boolean exists(String target) throws IOException {
      return LayerLookup.find(overlay.snapshot(), target).isPresent();
    }

    /** What the step made is in the upper directory. */
    @Override
    public Optional<Path> locate(String target) throws IOException {
      return RootfsPath.resolve(overlay.snapshot().upper(), target);
    }

    @Override
    public void ensureWorkdir(String workdir) {
      // The launcher makes it, inside the overlay it mounts.
    }
  }
}
