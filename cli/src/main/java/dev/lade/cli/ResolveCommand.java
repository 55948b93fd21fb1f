package dev.lade.cli;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryError;
import dev.lade.registry.RegistryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code lade resolve}: prints {@code REPO@sha256:...}, the digest the tag points at on the
 * registry: an index's own digest for a multi-platform image, as {@code crane digest} and {@code
 * docker buildx imagetools inspect} show it.
 */
@Command(name = "resolve", description = "Print the digest a tag points at on its registry, as REPO@DIGEST.")
final class ResolveCommand extends RemoteImageCommand {
  @Override
  void run(RegistryClient client, Reference reference, PrintWriter out) throws IOException {
    out.println(reference.nameOnly() + "@" + head(client, reference).digest());
  }

  /** The descriptor the registry gives for {@code reference}, or a MANIFEST_UNKNOWN failure. */
  static Descriptor head(RegistryClient client, Reference reference) throws IOException {
    String wanted = RemoteReference.tagOrDigest(reference);
    return client.manifests().head(reference.path(), wanted).orElseThrow(() -> new RegistryException(
        client.registry(), "resolve " + reference, 404,
        List.of(new RegistryError("MANIFEST_UNKNOWN", "manifest unknown")), "", null));
  }
}
