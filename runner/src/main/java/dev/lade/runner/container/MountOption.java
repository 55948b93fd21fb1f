package dev.lade.runner.container;

import dev.lade.runner.spec.Mount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parses {@code -v HOST:CONTAINER[:ro|rw]} and {@code --tmpfs PATH[:OPTIONS]} into mounts. */
public final class MountOption {

  private MountOption() {}

  /** A bind mount from {@code -v}; lade has no named volumes, so the source must be an absolute host path. */
  public static Mount volume(String spec) throws InvalidContainerException {
    String[] parts = spec.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new InvalidContainerException("invalid volume specification: '" + spec + "'");
    }
    String source = parts[0];
    String target = parts[1];
    boolean readOnly = false;
    if (parts.length == 3) {
      for (String option : parts[2].split(",")) {
        switch (option) {
          case "ro" -> readOnly = true;
          case "rw", "z", "Z", "private", "rprivate", "shared", "rshared", "slave", "rslave" -> { }
          default -> throw new InvalidContainerException(
              "invalid mode: " + option + " in volume specification '" + spec + "'");
        }
      }
    }
    if (!source.startsWith("/")) {
      throw new InvalidContainerException("invalid volume specification: '" + spec
          + "': the source must be an absolute host path (lade has no named volumes)");
    }
    if (!target.startsWith("/")) {
      throw new InvalidContainerException(
          "invalid volume specification: '" + spec + "': mount path must be absolute");
    }
    if (target.equals("/")) {
      throw new InvalidContainerException("invalid volume specification: '" + spec + "': cannot mount over /");
    }
    return Mount.bind(source, target, readOnly);
  }

  /** A tmpfs from {@code --tmpfs}: Docker's noexec, nosuid, nodev unless the options say otherwise. */
  public static Mount tmpfs(String spec) throws InvalidContainerException {
    int colon = spec.indexOf(':');
    String target = colon < 0 ? spec : spec.substring(0, colon);
    if (!target.startsWith("/") || target.equals("/")) {
      throw new InvalidContainerException("invalid tmpfs specification: '" + spec + "': need an absolute path");
    }
    List<String> options = new ArrayList<>(Mount.tmpfs(target).options());
    if (colon >= 0) {
      options.addAll(Arrays.asList(spec.substring(colon + 1).split(",")));
    }
    return new Mount(target, "tmpfs", "tmpfs", options);
  }
}
