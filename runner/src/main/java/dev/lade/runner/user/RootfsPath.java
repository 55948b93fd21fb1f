package dev.lade.runner.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves a path inside a root filesystem the way the container would see it: symlinks are followed relative to
 * the rootfs and {@code ..} stops at its top, so an image's {@code /etc/passwd -> /host/etc/shadow} cannot make
 * lade read host files.
 */
public final class RootfsPath {

  private static final int MAX_LINKS = 40;

  private RootfsPath() {}

  /** The host path {@code path} leads to inside {@code rootfs}, or empty when some component is missing. */
  public static Optional<Path> resolve(Path rootfs, String path) throws IOException {
    Deque<String> pending = new ArrayDeque<>();
    push(pending, path);
    Deque<String> resolved = new ArrayDeque<>();
    int links = 0;
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        resolved.pollLast();
        continue;
      }
      Path candidate = join(rootfs, resolved).resolve(name);
      if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (Files.isSymbolicLink(candidate)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many symbolic links resolving " + path + " in " + rootfs);
        }
        String target = Files.readSymbolicLink(candidate).toString();
        if (target.startsWith("/")) {
          resolved.clear();
        }
        push(pending, target);
      } else {
        resolved.addLast(name);
      }
    }
    return Optional.of(join(rootfs, resolved));
  }

  private static void push(Deque<String> pending, String path) {
    String[] names = path.split("/");
    for (int i = names.length - 1; i >= 0; i--) {
      pending.push(names[i]);
    }
  }

  private static Path join(Path rootfs, Deque<String> names) {
    Path result = rootfs;
    for (String name : names) {
      result = result.resolve(name);
    }
    return result;
  }
}
