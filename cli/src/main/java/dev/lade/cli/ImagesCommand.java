package dev.lade.cli;

import dev.lade.oci.reference.Reference;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.OciLayoutStore;
import dev.lade.oci.store.RefEntry;
import dev.lade.oci.store.ResolvedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "images", description = "List the images in the store.")
final class ImagesCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = {"-q", "--quiet"}, description = "Only show the short digests, one line per name.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    OciLayoutStore store = main.store();
    if (quiet) {
      var out = spec.commandLine().getOut();
      for (RefEntry entry : store.refs().list()) out.println(shortDigest(entry));
      out.flush();
      return ExitCode.OK;
    }
    ImageResolver resolver = ImageResolver.forHost(store);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("REPOSITORY", "TAG", "DIGEST", "CREATED", "SIZE"));
    Instant now = Instant.now();
    for (RefEntry entry : store.refs().list()) rows.add(row(resolver, entry, now));
    Table.print(spec.commandLine().getOut(), rows);
    return ExitCode.OK;
  }

  private static List<String> row(ImageResolver resolver, RefEntry entry, Instant now) {
    String repository = entry.reference().map(Reference::familiarName).orElse("<none>");
    String tag = entry.reference().map(Reference::tag).filter(t -> !t.isEmpty()).orElse("<none>");
    String digest = shortDigest(entry);
    String created = "N/A";
    String size = "N/A";
    try {
      ResolvedImage image = resolver.resolve(entry.reference(), entry.target());
      created = image.config().value().createdTime().map(t -> HumanUnits.ago(Duration.between(t, now))).orElse("N/A");
      size = HumanUnits.size(image.contentSize());
    } catch (IOException | RuntimeException e) {
      // An image for other platforms only, or damaged: still listed, without details.
    }
    return List.of(repository, tag, digest, created, size);
  }

  private static String shortDigest(RefEntry entry) {
    return entry.target().digest().hex().substring(0, 12);
  }
}
