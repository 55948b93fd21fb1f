package dev.lade.buildkit.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a build's result goes, as buildx's {@code -o} spells it. Parsed by {@link OutputSpecs}.
 */
public sealed interface OutputSpec {

  /** Into lade's store under {@code names} (untagged when there are none); pushed when {@code push}. */
  record Image(List<String> names, boolean push) implements OutputSpec {
    public Image {
      names = List.copyOf(names);
    }
  }

  /** An OCI image layout: a tar file, or a directory when {@code tar} is false. */
  record Oci(Path dest, boolean tar, List<String> names) implements OutputSpec {
    public Oci {
      names = List.copyOf(names);
    }
  }

  /** A tar that {@code docker load} takes. */
  record Docker(Path dest, List<String> names) implements OutputSpec {
    public Docker {
      names = List.copyOf(names);
    }
  }

  /** The final root filesystem, written into a directory. */
  record Local(Path dest) implements OutputSpec {}
}
