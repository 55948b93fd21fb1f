package dev.lade.cli;

import dev.lade.oci.platform.PlatformPreference;
import dev.lade.registry.transfer.CopyResult;
import dev.lade.registry.transfer.ImageCopier;
import dev.lade.registry.transfer.ImageSource;
import dev.lade.registry.transfer.ImageTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade copy}: an image from one place to another without unpacking it, digests preserved.
 * A multi-platform image is copied whole; into a Docker archive, which holds one platform, the
 * host's.
 */
@Command(name = "copy", description = {
    "Copy an image between registries (docker://REF or REF), OCI layouts (oci:DIR[:NAME])",
    "and Docker archives (docker-archive:FILE[:REF]), keeping its digest."})
final class CopyCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Option(names = {"-q", "--quiet"}, description = "Print only the copied digest.")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "SOURCE") String source;
  @Parameters(index = "1", paramLabel = "DESTINATION") String destination;

  @Override
  public Integer call() throws Exception {
    ImageLocation from = ImageLocation.parse(source);
    ImageLocation to = ImageLocation.parse(destination);
    CopyResult result;
    try (CopyEndpoints endpoints = new CopyEndpoints(new RegistryAccess(registryOptions));
        ProgressDisplay progress = main.progress(spec.commandLine().getErr(), TransferKind.COPY, quiet)) {
      ImageSource input = endpoints.source(from);
      ImageTarget output = endpoints.target(to, from);
      PlatformPreference platforms = to instanceof ImageLocation.DockerArchive ? PlatformPreference.host() : null;
      ImageCopier copier = new ImageCopier(ImageCopier.DEFAULT_CONCURRENCY, progress);
      result = copier.copy(input, output, platforms);
      endpoints.complete();
    }
    spec.commandLine().getOut().println(result.root().digest());
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
