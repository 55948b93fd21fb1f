package dev.lade.runner.spec;

/** The Linux namespaces a container can get its own of; {@link #ociName()} as in config.json. */
public enum Namespace {
  PID("pid"),
  NETWORK("network"),
  MOUNT("mount"),
  IPC("ipc"),
  UTS("uts"),
  USER("user"),
  CGROUP("cgroup");

  private final String ociName;

  Namespace(String ociName) {
    this.ociName = ociName;
  }

  /** The name the runtime spec uses for this namespace. */
  public String ociName() {
    return ociName;
  }
}
