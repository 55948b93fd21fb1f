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
import dev.lade.runner.lifecycle.Container;
import dev.lade.runner.lifecycle.ContainerException;
import dev.lade.runner.lifecycle.ContainerInspection;
import dev.lade.runner.lifecycle.ContainerStore;
import java.io.IOException;
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

/**
 * Prints a JSON array with, per name, a container as docker inspect shows one, or else an image: its reference,
 * digests, manifest and config. As docker inspect, containers are looked for first.
 */
@Command(name = "inspect", description = "Show containers, or the manifest and config of images (host platform"
    + " from an index).")
final class InspectCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]",
      description = "The platform to show from a multi-platform image (default: the host's).")
  String platform;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER|IMAGE") List<String> images;

  @Override
  public Integer call() throws Exception {
    ImageResolver resolver = platform == null ? ImageResolver.forHost(main.store())
        : new ImageResolver(main.store(), PlatformPreference.only(Platform.parse(platform)));
    ContainerStore containers = ContainerAccess.store(main);
    List<JsonValue> shown = new ArrayList<>();
    int code = ExitCode.OK;
    for (String name : images) {
      try {
        Container container = containers.find(name);
        shown.add(JsonReader.parse(ContainerInspection.json(container)));
      } catch (ContainerException notAContainer) {
        try {
          shown.add(describe(resolver.resolve(name)));
        } catch (IOException | IllegalArgumentException notAnImage) {
          if (images.size() == 1) throw notAnImage; // lade's usual message for the image
          spec.commandLine().getErr().println("lade: No such object: " + name);
          code = ExitCode.FAILED;
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(new String(CanonicalJson.indented(new JsonArray(shown)), StandardCharsets.UTF_8));
    out.flush();
    return code;
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
