package dev.lade.cli;

import dev.lade.registry.testing.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs skopeo, the independent client the transfer commands are checked against. */
final class Skopeo {
  private Skopeo() {}

  /** Runs {@code skopeo ARGS}; returns its standard output, failing the test on a non-zero exit. */
  static byte[] run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Executables.skopeo().toString()));
    command.addAll(List.of(args));
    Path errors = Files.createTempFile("skopeo-", ".err");
    try {
      Process skopeo = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      byte[] out = skopeo.getInputStream().readAllBytes();
      if (!skopeo.waitFor(60, TimeUnit.SECONDS) || skopeo.exitValue() != 0) {
        skopeo.destroyForcibly();
        throw new AssertionError(command + " failed: " + Files.readString(errors));
      }
      return out;
    } finally {
      Files.delete(errors);
    }
  }

  /** The digest skopeo finds for {@code reference} on a plain-HTTP or unverified-TLS registry. */
  static String digest(String reference) throws IOException, InterruptedException {
    byte[] raw = run("inspect", "--tls-verify=false", "--raw", "docker://" + reference);
    return dev.lade.oci.digest.Digest.sha256(raw).toString();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
