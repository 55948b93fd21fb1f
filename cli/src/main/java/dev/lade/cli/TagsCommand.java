package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lade tags}: the tags of a repository, one a line, in the registry's order. */
@Command(name = "tags", description = "List the tags of a repository.")
final class TagsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Parameters(index = "0", paramLabel = "REPOSITORY", description = "Such as 127.0.0.1:5000/lade/app.")
  String repository;

  @Override
  public Integer call() throws Exception {
    String plain = repository.startsWith(RemoteReference.DOCKER_TRANSPORT)
        ? repository.substring(RemoteReference.DOCKER_TRANSPORT.length()) : repository;
    Reference reference = Reference.parse(plain);
    if (!reference.tag().isEmpty() || reference.digest() != null) {
      throw new UserInputException("\"" + repository + "\" names an image; give the repository alone");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain())) {
      for (String tag : client.tags().list(reference.path())) out.println(tag);
    }
    out.flush();
    return ExitCode.OK;
  }
}
