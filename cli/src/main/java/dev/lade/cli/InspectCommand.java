package dev.lade.cli;

import dev.lade.oci.json.CanonicalJson;
import dev.lade.oci.json.JsonArray;
import dev.lade.oci.json.JsonObject;
import dev.lade.oci.json.JsonReader;
import dev.lade.oci.json.JsonValue;
import dev.lade.oci.platform.Platform;
import dev.lade.oci.platform.PlatformPreference;
import dev.lade.oci.store.ImageResolver;
import dev.lade.oci.store.ResolvedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a JSON array with, per image, its reference, digests, manifest and config. */
@Command(name = "inspect", description = "Show the manifest and config of images (host platform from an index).")
final class InspectCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to show from a multi-platform image (default: the host's).")
  String platform;

  @Parameters(arity = "1..*", paramLabel = "IMAGE") List<String> images;

  @Override
  public Integer call() throws Exception {
    ImageResolver resolver = platform == null ? ImageResolver.forHost(main.store())
        : new ImageResolver(main.store(), PlatformPreference.only(Platform.parse(platform)));
    List<JsonValue> shown = new ArrayList<>();
    for (String image : images) shown.add(describe(resolver.resolve(image)));
    PrintWriter out = spec.commandLine().getOut();
    out.println(new String(CanonicalJson.indented(new JsonArray(shown)), StandardCharsets.UTF_8));
    out.flush();
    return ExitCode.OK;
  }

  private static JsonValue describe(ResolvedImage image) {
    return JsonObject.builder()
        .put("Reference", image.reference().map(Object::toString).orElse(""))
        .put("Digest", image.target().digest().toString())
        .put("ManifestDigest", image.manifestDescriptor().digest().toString())
        .put("Manifest", JsonReader.parse(image.manifest().bytes()))
        .put("Config", JsonReader.parse(image.config().bytes()))
        .build();
  }
}
