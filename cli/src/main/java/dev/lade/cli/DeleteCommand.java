package dev.lade.cli;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade delete}: deletes a manifest from a registry. Registries delete by digest only, so a
 * tag is resolved first; every tag pointing at that manifest goes with it.
 */
@Command(name = "delete", description = "Delete a manifest (by digest; a tag is resolved first) from a registry.")
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Parameters(index = "0", paramLabel = "IMAGE") String image;

  @Override
  public Integer call() throws Exception {
    Reference reference = RemoteReference.parse(image);
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain())) {
      Digest digest = reference.digest() != null ? reference.digest() : ResolveCommand.head(client, reference).digest();
      client.manifests().delete(reference.path(), digest);
      spec.commandLine().getOut().println("Deleted: " + reference.nameOnly() + "@" + digest);
    }
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
