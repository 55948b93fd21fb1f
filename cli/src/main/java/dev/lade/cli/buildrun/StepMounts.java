package dev.lade.cli.buildrun;

import dev.lade.buildkit.run.MountSources;
import dev.lade.buildkit.run.RunMount;
import dev.lade.dockerfile.ast.Mount;
import dev.lade.runner.build.CacheDir;
import dev.lade.runner.build.CacheMounts;
import dev.lade.runner.build.CacheSharing;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.snapshot.fs.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A step's {@code --mount}s made real on the host, held until {@link #close()}: bind sources
 * copied out of their trees (a writable bind's writes land in the copy and are dropped with it),
 * cache directories held as their sharing mode says, secrets written to files only the mount
 * shows, agent sockets bound as they are.
 */
final class StepMounts implements AutoCloseable {
  private final Path dir;
  private final List<dev.lade.runner.spec.Mount> mounts = new ArrayList<>();
  private final List<String> env = new ArrayList<>();
  private final List<CacheDir> caches = new ArrayList<>();
  private int next;
  private int sshCount;

  private StepMounts(Path dir) {
    this.dir = dir;
  }

  /** The runtime mounts of {@code requested}, relative targets resolved against {@code workdir}. */
  static StepMounts prepare(List<RunMount> requested, String workdir, Path scratch, CacheMounts cacheMounts,
      BuildSecrets secrets, SshAgents agents) throws IOException {
    Files.createDirectories(scratch);
    StepMounts out = new StepMounts(Files.createTempDirectory(scratch, "mounts-"));
    try {
      for (RunMount m : requested) out.add(m, workdir, cacheMounts, secrets, agents);
      return out;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  List<dev.lade.runner.spec.Mount> mounts() {
    return mounts;
  }

  /** Variables the mounts set: {@code SSH_AUTH_SOCK}, secrets with {@code env=}. */
  List<String> env() {
    return env;
  }

  private void add(RunMount m, String workdir, CacheMounts cacheMounts, BuildSecrets secrets, SshAgents agents)
      throws IOException {
    switch (m.mount()) {
      case Mount.Bind b -> {
        Path copy = dir.resolve("bind-" + next++);
        MountSources.write(m.source().orElseThrow(), b.source(), copy);
        mounts.add(dev.lade.runner.spec.Mount.bind(copy.toString(), target(b.target(), workdir), b.readOnly()));
      }
      case Mount.Cache c -> {
        CacheDir cache = cacheMounts.acquire(c.id(), CacheSharing.valueOf(c.sharing().name()), (int) c.uid(),
            (int) c.gid(), (int) c.mode());
        caches.add(cache);
        if (cache.created() && m.source().isPresent()) MountSources.write(m.source().get(), c.source(), cache.path());
        mounts.add(dev.lade.runner.spec.Mount.bind(cache.path().toString(), target(c.target(), workdir), c.readOnly()));
      }
      case Mount.Tmpfs t -> {
        List<String> options = new ArrayList<>(List.of(t.readOnly() ? "ro" : "rw", "nosuid", "nodev", "strictatime"));
        if (t.size() > 0) options.add("size=" + t.size());
        mounts.add(new dev.lade.runner.spec.Mount(target(t.target(), workdir), "tmpfs", "tmpfs", options));
      }
      case Mount.Secret s -> secret(s, secrets, workdir);
      case Mount.Ssh s -> ssh(s, agents, workdir);
    }
  }

  private void secret(Mount.Secret s, BuildSecrets secrets, String workdir) throws IOException {
    var value = secrets.value(s.id());
    if (value.isEmpty()) {
      if (s.required()) throw new IOException("secret " + s.id() + ": not found");
      return;
    }
    if (s.env().isPresent()) env.add(s.env().get() + "=" + new String(value.get(), java.nio.charset.StandardCharsets.UTF_8));
    if (s.target().isEmpty()) return;
    Path file = dir.resolve("secret-" + next++);
    Files.write(file, value.get());
    Posix.lchown(file, s.uid(), s.gid());
    Posix.chmod(file, (int) s.mode());
    mounts.add(dev.lade.runner.spec.Mount.bind(file.toString(), target(s.target().get(), workdir), true));
  }

  private void ssh(Mount.Ssh s, SshAgents agents, String workdir) throws IOException {
    var socket = agents.socket(s.id());
    if (socket.isEmpty()) {
      if (s.required()) throw new IOException("no SSH key " + s.id() + " forwarded from the client (use --ssh " + s.id() + ")");
      return;
    }
    String target = target(s.target(), workdir);
    mounts.add(dev.lade.runner.spec.Mount.bind(socket.get().toString(), target, false));
    if (sshCount++ == 0) env.add("SSH_AUTH_SOCK=" + target);
  }

  private static String target(String target, String workdir) {
    String joined = target.startsWith("/") ? target : (workdir.endsWith("/") ? workdir : workdir + "/") + target;
    return Path.of(joined).normalize().toString();
  }

  @Override
  public void close() throws IOException {
    try {
      caches.forEach(CacheDir::close);
    } finally {
      Trees.deleteTree(dir);
    }
  }
}
