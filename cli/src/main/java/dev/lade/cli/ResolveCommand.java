package dev.lade.cli;

import dev.lade.oci.image.Descriptor;
import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.RegistryException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade resolve}: prints {@code REPO@sha256:...}, the digest the tag points at on the
 * registry: an index's own digest for a multi-platform image, as {@code crane digest} and {@code
 * docker buildx imagetools inspect} show it.
 */
@Command(name = "resolve", description = "Print the digest a tag points at on its registry, as REPO@DIGEST.")
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Parameters(index = "0", paramLabel = "IMAGE") String image;

  @Override
  public Integer call() throws Exception {
    Reference reference = RemoteReference.parse(image);
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain())) {
      Descriptor found = head(client, reference);
      spec.commandLine().getOut().println(reference.nameOnly() + "@" + found.digest());
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** The descriptor the registry gives for {@code reference}, or a MANIFEST_UNKNOWN failure. */
  static Descriptor head(RegistryClient client, Reference reference) throws java.io.IOException {
    String wanted = RemoteReference.tagOrDigest(reference);
    return client.manifests().head(reference.path(), wanted).orElseThrow(() -> new RegistryException(
        client.registry(), "resolve " + reference, 404,
        List.of(new dev.lade.registry.RegistryError("MANIFEST_UNKNOWN", "manifest unknown")), "", null));
  }
}
