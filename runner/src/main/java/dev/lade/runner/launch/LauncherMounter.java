package dev.lade.runner.launch;

import dev.lade.runner.snapshot.MountSpec;
import dev.lade.runner.snapshot.Mounter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Mounts through the native launcher ({@code lade-launch --mount}, {@code --unmount}; see mounts.c): a process
 * start of a few milliseconds instead of an FFI library's start-up of several hundred.
 *
 * @param launcher the launcher executable ({@link LauncherBinary#extract})
 */
public record LauncherMounter(Path launcher) implements Mounter {

  @Override
  public void mount(MountSpec mount) throws IOException {
    run(List.of(launcher.toString(), "--mount", mount.type(), mount.source(), mount.target().toString(),
        mount.data()));
  }

  @Override
  public void unmount(Path target) throws IOException {
    run(List.of(launcher.toString(), "--unmount", target.toString()));
  }

  /** Runs {@code command}; a failure throws what the launcher said. */
  private static void run(List<String> command) throws IOException {
    String what = command.get(1).substring(2);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(Redirect.from(new File("/dev/null"))).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    int code;
    try {
      code = process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(what + " interrupted", e);
    }
    if (code != 0) {
      throw new IOException(output.isEmpty() ? what + " failed with exit code " + code
          : output.replaceFirst("^lade-launch: ", ""));
    }
  }
}
