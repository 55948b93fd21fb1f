package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command on one image of a registry: parses the reference, opens a client for its registry. */
abstract class RemoteImageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "Such as 127.0.0.1:5000/lade/app:1 or docker://busybox.")
  String image;

  @Override
  public final Integer call() throws IOException {
    Reference reference = RemoteReference.parse(image);
    PrintWriter out = spec.commandLine().getOut();
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain())) {
      run(client, reference, out);
    }
    out.flush();
    return ExitCode.OK;
  }

  /** Does the command's work on {@code reference}, printing to {@code out}. */
  abstract void run(RegistryClient client, Reference reference, PrintWriter out) throws IOException;
}
