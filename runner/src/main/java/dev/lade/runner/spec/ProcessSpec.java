package dev.lade.runner.spec;

import java.util.List;
import java.util.Objects;

/**
 * The process a container runs, as in config.json's {@code process}.
 *
 * @param args the command and its arguments; the command is looked up in the container's {@code PATH}
 * @param env {@code KEY=value} entries
 * @param cwd absolute working directory inside the container
 * @param user the ids to run as
 * @param capabilities the bounding set, e.g. {@code CAP_CHOWN}; a root process keeps exactly these
 * @param noNewPrivileges whether execve may no longer grant privileges (setuid bits, file capabilities)
 * @param rlimits resource limits set before the process starts
 */
public record ProcessSpec(List<String> args, List<String> env, String cwd, ProcessUser user,
    List<String> capabilities, boolean noNewPrivileges, List<Rlimit> rlimits) {

  public ProcessSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(user, "user");
    capabilities = List.copyOf(capabilities);
    rlimits = List.copyOf(rlimits);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("no command to run");
    }
    if (!cwd.startsWith("/")) {
      throw new IllegalArgumentException("working directory must be absolute: " + cwd);
    }
    for (String entry : env) {
      if (entry.indexOf('=') < 1) {
        throw new IllegalArgumentException("environment entry is not KEY=value: " + entry);
      }
    }
  }

  /** The same process with other arguments. */
  public ProcessSpec withArgs(List<String> newArgs) {
    return new ProcessSpec(newArgs, env, cwd, user, capabilities, noNewPrivileges, rlimits);
  }

  /** The same process with another environment. */
  public ProcessSpec withEnv(List<String> newEnv) {
    return new ProcessSpec(args, newEnv, cwd, user, capabilities, noNewPrivileges, rlimits);
  }

  /** The same process in another working directory. */
  public ProcessSpec withCwd(String newCwd) {
    return new ProcessSpec(args, env, newCwd, user, capabilities, noNewPrivileges, rlimits);
  }

  /** The same process as another user. */
  public ProcessSpec withUser(ProcessUser newUser) {
    return new ProcessSpec(args, env, cwd, newUser, capabilities, noNewPrivileges, rlimits);
  }

  /** The value of an environment variable, or null. */
  public String getenv(String key) {
    String prefix = key + "=";
    for (String entry : env) {
      if (entry.startsWith(prefix)) {
        return entry.substring(prefix.length());
      }
    }
    return null;
  }
}
