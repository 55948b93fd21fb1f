package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.registry.RegistryClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(names = "--page-size", paramLabel = "N",
      description = "Ask for N tags a request (the registry's choice by default); every page is listed.")
  Integer pageSize;

  @Override
  public Integer call() throws Exception {
    String plain = repository.startsWith(RemoteReference.DOCKER_TRANSPORT)
        ? repository.substring(RemoteReference.DOCKER_TRANSPORT.length()) : repository;
    Reference reference = Reference.parse(plain);
    if (pageSize != null && pageSize < 1) throw new UserInputException("--page-size must be at least 1");
    if (!reference.tag().isEmpty() || reference.digest() != null) {
      throw new UserInputException("\"" + repository + "\" names an image; give the repository alone");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain())) {
      List<String> tags = pageSize == null
          ? client.tags().list(reference.path()) : client.tags().list(reference.path(), pageSize);
      for (String tag : tags) out.println(tag);
    }
    out.flush();
    return ExitCode.OK;
  }
}
