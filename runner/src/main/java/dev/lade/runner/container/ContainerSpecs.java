package dev.lade.runner.container;

import dev.lade.oci.image.ContainerConfig;
import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.spec.Namespace;
import dev.lade.runner.spec.ProcessSpec;
import dev.lade.runner.spec.RuntimeSpec;
import dev.lade.runner.user.ExecUser;
import dev.lade.runner.user.UnknownUserException;
import dev.lade.runner.user.UserLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Makes the runtime spec of a container from its image's config and {@code lade run}'s options, as Docker. */
public final class ContainerSpecs {

  private ContainerSpecs() {}

  /**
   * The spec of container {@code id} running on {@code rootfs} (the image's files) with {@code image}'s defaults
   * overridden by {@code options}.
   */
  public static RuntimeSpec forImage(String id, Path rootfs, ContainerConfig image, RunOptions options)
      throws InvalidContainerException, IOException {
    return forImage(id, rootfs, UserLookup.in(rootfs), image, options);
  }

  /** As {@link #forImage(String, Path, ContainerConfig, RunOptions)}, the user looked up by {@code users}. */
  public static RuntimeSpec forImage(String id, Path rootfs, UserLookup users, ContainerConfig image,
      RunOptions options) throws InvalidContainerException, IOException {
    List<String> args = command(image, options);
    String hostname = options.hostname().orElse(id.length() > 12 ? id.substring(0, 12) : id);
    ExecUser user;
    try {
      user = users.resolve(options.user().orElse(image.user()));
    } catch (UnknownUserException e) {
      throw new InvalidContainerException(e.getMessage());
    }
    String workdir = options.workdir().filter(dir -> !dir.isEmpty())
        .orElse(image.workingDir().isEmpty() ? "/" : image.workingDir());
    if (!workdir.startsWith("/")) {
      throw new InvalidContainerException("the working directory '" + workdir + "' is invalid, it needs to be an"
          + " absolute path");
    }
    RuntimeSpec spec = DockerDefaults.spec(rootfs.toString(), id, args).withHostname(hostname);
    ProcessSpec process = spec.process().withUser(user.toDockerProcessUser()).withCwd(workdir)
        .withEnv(environment(hostname, user.home(), image.env(), options.env()));
    EnumSet<Namespace> namespaces = EnumSet.copyOf(spec.linux().namespaces());
    if (options.network() == NetworkMode.HOST) {
      namespaces.remove(Namespace.NETWORK);
    }
    createMissingSources(options.mounts());
    return spec.withProcess(process).withRootReadonly(options.readOnly()).withExtraMounts(options.mounts())
        .withLinux(spec.linux().withNamespaces(namespaces).withResources(options.resources()));
  }

  /** As dockerd for {@code -v}: a host path that does not exist yet is made, as a directory. */
  private static void createMissingSources(List<Mount> mounts) throws IOException {
    for (Mount mount : mounts) {
      Path source = Path.of(mount.source());
      if (mount.isBind() && !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(source);
      }
    }
  }

  /** Entrypoint then Cmd; {@code --entrypoint} drops the image's Cmd, arguments replace it. */
  static List<String> command(ContainerConfig image, RunOptions options) throws InvalidContainerException {
    List<String> args = new ArrayList<>();
    if (options.entrypoint().isPresent()) {
      if (!options.entrypoint().get().isEmpty()) {
        args.add(options.entrypoint().get());
      }
      args.addAll(options.command());
    } else {
      args.addAll(image.entrypoint());
      args.addAll(options.command().isEmpty() ? image.cmd() : options.command());
    }
    if (args.isEmpty()) {
      throw new InvalidContainerException("no command specified");
    }
    return args;
  }

  /** Docker's order: PATH and HOSTNAME, the image's env, then the options' (same keys replaced), HOME last. */
  static List<String> environment(String hostname, String home, List<String> image, List<String> options) {
    List<String> env = new ArrayList<>(List.of("PATH=" + DockerDefaults.PATH, "HOSTNAME=" + hostname));
    image.forEach(entry -> replaceOrAppend(env, entry));
    options.forEach(entry -> replaceOrAppend(env, entry));
    if (env.stream().noneMatch(entry -> entry.startsWith("HOME="))) {
      env.add("HOME=" + home);
    }
    return env;
  }

  private static void replaceOrAppend(List<String> env, String entry) {
    String key = entry.substring(0, Math.max(entry.indexOf('='), 0));
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).startsWith(key + "=")) {
        env.set(i, entry);
        return;
      }
    }
    env.add(entry);
  }
}
