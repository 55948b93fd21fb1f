package dev.lade.buildkit.config;

import dev.lade.oci.image.History;
import java.util.ArrayList;
import java.util.List;

/**
 * The times BuildKit's image exporter gives history entries that have none (normalizeLayersAndHistory):
 * a step's layer carries the time it was first made, so a cached rebuild keeps it and the image its
 * digest; a step without a layer takes the time of the layer step before it, or, before the build's
 * first layer, that layer's time.
 */
final class HistoryTimes {
  private HistoryTimes() {}

  /** {@code history} with every missing time filled in; entries that have one keep it. */
  static List<History> fill(List<History> history) {
    // The first time that follows an entry without one (the build's first new layer), else the last time.
    String created = "";
    boolean missing = false;
    for (History h : history) {
      if (!h.created().isEmpty()) {
        created = h.created();
        if (missing) break;
      } else {
        missing = true;
      }
    }
    List<History> filled = new ArrayList<>(history.size());
    missing = false;
    for (History h : history) {
      if (!h.created().isEmpty()) {
        if (missing) created = h.created();
        filled.add(h);
      } else {
        missing = true;
        filled.add(new History(created, h.createdBy(), h.author(), h.comment(), h.emptyLayer()));
      }
    }
    return filled;
  }

  /** The image's creation time as BuildKit's exporter sets it: the last history entry's. */
  static String imageCreated(List<History> filled) {
    String created = "";
    for (History h : filled) {
      if (!h.created().isEmpty()) created = h.created();
    }
    return created;
  }
}
