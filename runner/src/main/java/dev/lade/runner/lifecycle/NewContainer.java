package dev.lade.runner.lifecycle;

import dev.lade.runner.container.NetworkMode;
import dev.lade.runner.launch.LaunchExtras;
import dev.lade.runner.snapshot.extract.SnapshotLayer;
import java.util.List;

/**
 * A container to make of an image.
 *
 * @param id its new id ({@link ContainerId#random})
 * @param name its name, or empty for a generated one
 * @param image the image as the user named it
 * @param imageId the image config's digest
 * @param stopSignal the image's STOPSIGNAL, or empty for SIGTERM
 * @param autoRemove whether it is removed when it exits
 * @param layers the image's layers, bottom first
 * @param extras its terminal and published ports
 * @param network its network (what its /etc/hosts says)
 */
public record NewContainer(String id, String name, String image, String imageId, String stopSignal,
    boolean autoRemove, List<SnapshotLayer> layers, LaunchExtras extras, NetworkMode network) {

  public NewContainer {
    layers = List.copyOf(layers);
  }
}
