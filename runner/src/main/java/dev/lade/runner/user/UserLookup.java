package dev.lade.runner.user;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Resolves a container's USER ({@link UserResolver}'s forms) against its image's /etc/passwd and /etc/group,
 * wherever lade reads them: a mounted root filesystem, or the layers of one only the container's user namespace
 * may mount.
 */
@FunctionalInterface
public interface UserLookup {

  /** {@code user} as the container runs it. */
  ExecUser resolve(String user) throws UnknownUserException, IOException;

  /** Against the files of the root filesystem at {@code rootfs}. */
  static UserLookup in(Path rootfs) {
    return user -> UserResolver.resolve(rootfs, user);
  }
}
