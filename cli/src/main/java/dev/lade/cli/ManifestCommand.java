package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade manifest}: manifests on a registry. */
@Command(name = "manifest", description = "Work with manifests on a registry.",
    subcommands = ManifestCommand.Inspect.class)
final class ManifestCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a manifest command is required");
  }

  /** {@code lade manifest inspect}: the manifest or index exactly as the registry serves it. */
  @Command(name = "inspect", description = "Print a manifest or index exactly as the registry serves it.")
  static final class Inspect extends RemoteImageCommand {
    @Override
    void run(RegistryClient client, Reference reference, PrintWriter out) throws IOException {
      byte[] bytes = client.manifests().get(reference.path(), RemoteReference.tagOrDigest(reference)).bytes();
      // Unmodified: no reformatting, no newline added, so the output hashes to the digest.
      out.print(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
