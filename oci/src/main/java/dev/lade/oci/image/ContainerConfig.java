package dev.lade.oci.image;

import dev.lade.oci.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The execution defaults of an image (the {@code config} object of an image config): OCI's fields
 * and Docker's {@code Healthcheck}, {@code OnBuild} and {@code Shell}. Absent strings are empty,
 * absent lists empty.
 *
 * @param user the user (and group) to run as
 * @param exposedPorts ports such as {@code 80/tcp}
 * @param env variables as {@code NAME=value}
 * @param entrypoint the entrypoint
 * @param cmd the default command or arguments to the entrypoint
 * @param volumes paths that are volumes
 * @param workingDir the working directory
 * @param labels arbitrary metadata
 * @param stopSignal the signal that stops the container, such as {@code SIGTERM}
 * @param argsEscaped Windows-only: whether {@code cmd} is already escaped (deprecated in OCI)
 * @param healthcheck the health check, or null
 * @param onBuild {@code ONBUILD} instructions for images built on this one
 * @param shell the shell for shell-form commands
 * @param extra other fields, such as those Docker's own configs carry ({@code Hostname}, {@code
 *     AttachStdin}...). BuildKit drops them when it builds on an image; see {@link
 *     #withoutExtra()}.
 */
public record ContainerConfig(
    String user,
    Set<String> exposedPorts,
    List<String> env,
    List<String> entrypoint,
    List<String> cmd,
    Set<String> volumes,
    String workingDir,
    Map<String, String> labels,
    String stopSignal,
    boolean argsEscaped,
    Healthcheck healthcheck,
    List<String> onBuild,
    List<String> shell,
    Map<String, JsonValue> extra) {
  public static final ContainerConfig EMPTY = builder().build();

  public ContainerConfig {
    user = Objects.requireNonNullElse(user, "");
    exposedPorts = Copies.sortedSet(exposedPorts);
    env = copy(env);
    entrypoint = copy(entrypoint);
    cmd = copy(cmd);
    volumes = Copies.sortedSet(volumes);
    workingDir = Objects.requireNonNullElse(workingDir, "");
    labels = Copies.sortedMap(labels);
    stopSignal = Objects.requireNonNullElse(stopSignal, "");
    onBuild = copy(onBuild);
    shell = copy(shell);
    extra = Copies.sortedMap(extra);
  }

  private static List<String> copy(List<String> list) {
    return List.copyOf(Objects.requireNonNullElse(list, List.of()));
  }

  /** This config without the fields outside OCI's and Docker's image config, as BuildKit keeps it. */
  public ContainerConfig withoutExtra() {
    return toBuilder().extra(Map.of()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .user(user).exposedPorts(exposedPorts).env(env).entrypoint(entrypoint).cmd(cmd)
        .volumes(volumes).workingDir(workingDir).labels(labels).stopSignal(stopSignal)
        .argsEscaped(argsEscaped).healthcheck(healthcheck).onBuild(onBuild).shell(shell)
        .extra(extra);
  }

  /** Builds a {@link ContainerConfig}; unset parts are empty. */
  public static final class Builder {
    private String user;
    private Set<String> exposedPorts;
    private List<String> env;
    private List<String> entrypoint;
    private List<String> cmd;
    private Set<String> volumes;
    private String workingDir;
    private Map<String, String> labels;
    private String stopSignal;
    private boolean argsEscaped;
    private Healthcheck healthcheck;
    private List<String> onBuild;
    private List<String> shell;
    private Map<String, JsonValue> extra;

    private Builder() {}

    public Builder user(String user) { this.user = user; return this; }
    public Builder exposedPorts(Set<String> ports) { this.exposedPorts = ports; return this; }
    public Builder env(List<String> env) { this.env = env; return this; }
    public Builder entrypoint(List<String> entrypoint) { this.entrypoint = entrypoint; return this; }
    public Builder cmd(List<String> cmd) { this.cmd = cmd; return this; }
    public Builder volumes(Set<String> volumes) { this.volumes = volumes; return this; }
    public Builder workingDir(String workingDir) { this.workingDir = workingDir; return this; }
    public Builder labels(Map<String, String> labels) { this.labels = labels; return this; }
    public Builder stopSignal(String stopSignal) { this.stopSignal = stopSignal; return this; }
    public Builder argsEscaped(boolean argsEscaped) { this.argsEscaped = argsEscaped; return this; }
    public Builder healthcheck(Healthcheck healthcheck) { this.healthcheck = healthcheck; return this; }
    public Builder onBuild(List<String> onBuild) { this.onBuild = onBuild; return this; }
    public Builder shell(List<String> shell) { this.shell = shell; return this; }
    public Builder extra(Map<String, JsonValue> extra) { this.extra = extra; return this; }

    public ContainerConfig build() {
      return new ContainerConfig(
          user, exposedPorts, env, entrypoint, cmd, volumes, workingDir, labels, stopSignal,
          argsEscaped, healthcheck, onBuild, shell, extra);
    }
  }
}
