package dev.lade.cli;

import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.Lease;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.transfer.ContainerImageTarget;
import dev.lade.registry.transfer.CopyResult;
import dev.lade.registry.transfer.ImageCopier;
import dev.lade.registry.transfer.RegistryRepository;
import dev.lade.registry.transfer.StoreImage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade pull}: the image into the store, for one platform of an index (the index is kept
 * too, so the name keeps the digest the registry gives it).
 */
@Command(name = "pull", description = "Pull an image from a registry into the store.")
final class PullCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to pull from a multi-platform image (default: the host's).")
  String platform;

  @Option(names = {"-q", "--quiet"}, description = "Print only the pulled reference.")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "Such as busybox:1.36 or 127.0.0.1:5000/lade/app@sha256:...")
  String image;

  @Override
  public Integer call() throws Exception {
    Reference reference = RemoteReference.parse(image);
    PlatformPreference platforms = platform == null
        ? PlatformPreference.host() : PlatformPreference.only(Platform.parse(platform));
    OciLayoutStore store = main.store();
    PrintWriter out = spec.commandLine().getOut();
    CopyResult result;
    try (RegistryClient client = new RegistryAccess(registryOptions).client(reference.domain());
        Lease lease = store.lease();
        ProgressDisplay progress = main.progress(spec.commandLine().getErr(), TransferKind.PULL, quiet)) {
      RegistryRepository source = new RegistryRepository(client, reference.path(), RemoteReference.tagOrDigest(reference));
      ImageCopier copier = new ImageCopier(ImageCopier.DEFAULT_CONCURRENCY, progress);
      result = copier.copy(source, ContainerImageTarget.checking(StoreImage.named(store, reference), store.blobs()), platforms);
    }
    if (!quiet) out.println("Digest: " + result.root().digest());
    out.println(reference);
    out.flush();
    return ExitCode.OK;
  }
}
