package dev.lade.cli;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code lade delete}: deletes a manifest from a registry. Registries delete by digest only, so a
 * tag is resolved first; every tag pointing at that manifest goes with it.
 */
@Command(name = "delete", description = "Delete a manifest (by digest; a tag is resolved first) from a registry.")
final class DeleteCommand extends RemoteImageCommand {
  @Override
  void run(RegistryClient client, Reference reference, PrintWriter out) throws IOException {
    Digest digest = reference.digest() != null ? reference.digest() : ResolveCommand.head(client, reference).digest();
    client.manifests().delete(reference.path(), digest);
    out.println("Deleted: " + reference.nameOnly() + "@" + digest);
  }
}
