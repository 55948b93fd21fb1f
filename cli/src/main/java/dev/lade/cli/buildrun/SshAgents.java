package dev.lade.cli.buildrun;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SSH agents of {@code lade build --ssh ID[=SOCKET]}: {@code default} alone means the agent of
 * {@code $SSH_AUTH_SOCK}. lade forwards agent sockets; BuildKit's key files would need an agent of
 * lade's own, so a key file is refused with a hint to load it into ssh-agent.
 */
public final class SshAgents {
  private final Map<String, Path> sockets;

  private SshAgents(Map<String, Path> sockets) {
    this.sockets = sockets;
  }

  /** No agents. */
  public static SshAgents none() {
    return new SshAgents(Map.of());
  }

  /**
   * Parses {@code --ssh} values.
   *
   * @param authSock {@code $SSH_AUTH_SOCK}, for an id given without a path; may be null
   * @throws IllegalArgumentException for a malformed spec or a path that is not a socket
   */
  public static SshAgents parse(List<String> specs, String authSock) {
    Map<String, Path> sockets = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String id = eq < 0 ? spec : spec.substring(0, eq);
      String path = eq < 0 ? authSock : spec.substring(eq + 1);
      if (id.isEmpty()) throw new IllegalArgumentException("invalid --ssh " + spec + ": it needs an id");
      if (path == null || path.isEmpty()) {
        throw new IllegalArgumentException("invalid --ssh " + spec + ": SSH_AUTH_SOCK is not set; give the agent's socket as "
            + id + "=PATH");
      }
      if (path.contains(",")) throw new IllegalArgumentException("invalid --ssh " + spec + ": lade forwards one agent socket per id");
      Path socket = Path.of(path);
      if (Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("invalid --ssh " + spec + ": " + path
            + " is a key file; lade forwards agent sockets: ssh-add it to an agent and pass its socket");
      }
      sockets.put(id, socket);
    }
    return new SshAgents(sockets);
  }

  /** The agent socket for {@code id}, or empty when the build was given none. */
  public Optional<Path> socket(String id) {
    return Optional.ofNullable(sockets.get(id));
  }
}
