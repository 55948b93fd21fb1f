package dev.lade.dockerfile.ast;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code RUN --mount=...} flag, parsed and checked as BuildKit does, with BuildKit's
 * defaults filled in.
 *
 * <p>Values are unexpanded. A target that is empty or relative is resolved against the
 * working directory when the step runs.
 */
public sealed interface Mount {

  /** The mount type as written in {@code type=}, e.g. {@code cache}. */
  default String type() {
    return switch (this) {
      case Bind b -> "bind";
      case Cache c -> "cache";
      case Tmpfs t -> "tmpfs";
      case Secret s -> "secret";
      case Ssh s -> "ssh";
    };
  }

  /**
   * {@code type=bind} (the default type): a read-only view of the build context, a stage or an
   * image.
   *
   * @param target where it is mounted
   * @param source the path inside {@code from}; empty means its root
   * @param from a stage or image to mount from; empty means the build context
   * @param readOnly {@code ro}/{@code rw}; read-only unless {@code rw} is given (writes are discarded)
   */
  record Bind(String target, String source, Optional<String> from, boolean readOnly) implements Mount {}

  /**
   * {@code type=cache}: a directory that persists between builds.
   *
   * @param target where it is mounted
   * @param id the cache's identity; defaults to the cleaned target
   * @param sharing how concurrent builds share it; {@code shared} by default
   * @param from a stage or image whose contents seed the cache; empty means an empty directory
   * @param source the path inside {@code from}
   * @param readOnly writable unless {@code ro} is given
   * @param mode the cache directory's permission bits (default {@code 0755})
   * @param uid the cache directory's owner (default 0)
   * @param gid the cache directory's group (default 0)
   */
  record Cache(
      String target, String id, Sharing sharing, Optional<String> from, String source,
      boolean readOnly, long mode, long uid, long gid) implements Mount {}

  /**
   * {@code type=tmpfs}: an empty in-memory file system.
   *
   * @param target where it is mounted
   * @param size the size limit in bytes; 0 means no limit
   * @param readOnly writable unless {@code ro} is given
   */
  record Tmpfs(String target, long size, boolean readOnly) implements Mount {}

  /**
   * {@code type=secret}: a build secret as a file and/or an environment variable.
   *
   * @param id the secret's id: {@code source}, else {@code id}, else the target's base name
   * @param target the file path; defaults to {@code /run/secrets/<id>} unless only {@code env}
   *     is given, in which case there is no file
   * @param env the environment variable to set to the secret's value
   * @param required fail the build if the secret is not provided (default false)
   * @param mode the file's permission bits (default {@code 0400})
   * @param uid the file's owner (default 0)
   * @param gid the file's group (default 0)
   */
  record Secret(
      String id, Optional<String> target, Optional<String> env, boolean required, long mode,
      long uid, long gid) implements Mount {}

  /**
   * {@code type=ssh}: access to an SSH agent socket or key from the client.
   *
   * @param id the agent or key id (default {@code default})
   * @param target the socket path (default {@code /run/buildkit/ssh_agent.N}, N counting the
   *     step's ssh mounts from 0)
   * @param required fail the build if the agent is not provided (default false)
   * @param mode the socket's permission bits (default {@code 0600})
   * @param uid the socket's owner (default 0)
   * @param gid the socket's group (default 0)
   */
  record Ssh(String id, String target, boolean required, long mode, long uid, long gid)
      implements Mount {}

  /** {@code sharing=} of a cache mount. */
  enum Sharing {
    /** Concurrent builds use the cache at the same time. */
    SHARED,
    /** A concurrent build gets a new cache of its own. */
    PRIVATE,
    /** A concurrent build waits until the cache is released. */
    LOCKED;

    /** The value as written, e.g. {@code locked}. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
