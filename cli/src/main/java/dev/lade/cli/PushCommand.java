package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.registry.RegistryClient;
import dev.lade.registry.transfer.CopyResult;
import dev.lade.registry.transfer.ImageCopier;
import dev.lade.registry.transfer.RegistryRepository;
import dev.lade.registry.transfer.StoreImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lade push}: an image of the store to a registry, with its exact bytes. Blobs of an image
 * pulled from the same registry are mounted from the repository it came from.
 */
@Command(name = "push", description = "Push an image from the store to a registry.")
final class PushCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;
  @Mixin RegistryOptionsMixin registryOptions;

  @Option(names = {"-q", "--quiet"}, description = "Print only the pushed digest.")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image in the store.")
  String image;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DESTINATION",
      description = "Where to push it (default: the image's own name).")
  String destination;

  @Override
  public Integer call() throws Exception {
    Reference source = Reference.parse(image).withDefaultTag();
    Reference target = destination == null ? source : RemoteReference.parse(destination);
    OciLayoutStore store = main.store();
    StoreImage local = StoreImage.named(store, source);
    List<String> mountFrom = local.origin()
        .filter(origin -> origin.domain().equals(target.domain()))
        .map(origin -> List.of(origin.path())).orElse(List.of());
    CopyResult result;
    try (RegistryClient client = new RegistryAccess(registryOptions).client(target.domain());
        ProgressDisplay progress = main.progress(spec.commandLine().getErr(), TransferKind.PUSH, quiet)) {
      String tag = target.digest() != null ? null : target.tag();
      RegistryRepository remote = new RegistryRepository(client, target.path(), tag, mountFrom);
      ImageCopier copier = new ImageCopier(ImageCopier.DEFAULT_CONCURRENCY, progress);
      result = copier.copy(local, remote, null);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(target.nameOnly() + "@" + result.root().digest());
    out.flush();
    return ExitCode.OK;
  }
}
