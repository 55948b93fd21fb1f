package dev.lade.buildkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lade.oci.image.History;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History times filled as BuildKit's exporter fills them (normalizeLayersAndHistory). */
class HistoryTimesTest {
  private static final String BASE = "2020-01-01T00:00:00Z";
  private static final String FIRST = "2026-11-23T10:00:00Z";
  private static final String SECOND = "2026-11-23T11:00:00Z";

  private static History entry(String created, String by, boolean empty) {
    return new History(created, by, "", "buildkit.dockerfile.v0", empty);
  }

  private static List<String> times(List<History> history) {
    return HistoryTimes.fill(history).stream().map(History::created).toList();
  }

  @Test
  void metadataBeforeTheFirstNewLayerTakesItsTimeAndLaterOnesThePreviousLayers() {
    List<History> history = List.of(entry(BASE, "base", false), entry("", "ENV A=1", true),
        entry(FIRST, "COPY a /a", false), entry("", "WORKDIR /x", true), entry(SECOND, "RUN x", false),
        entry("", "CMD [\"x\"]", true));
    assertEquals(List.of(BASE, FIRST, FIRST, FIRST, SECOND, SECOND), times(history));
    assertEquals(SECOND, HistoryTimes.imageCreated(HistoryTimes.fill(history)));
  }

  @Test
  void withoutANewLayerMetadataTakesTheBasesLastTime() {
    List<History> history = List.of(entry(BASE, "base", false), entry("", "ENV A=1", true));
    assertEquals(List.of(BASE, BASE), times(history));
  }

  @Test
  void withNoTimeAtAllNothingIsInvented() {
    assertEquals(List.of("", ""), times(List.of(entry("", "ENV A=1", true), entry("", "CMD x", true))));
    assertEquals("", HistoryTimes.imageCreated(List.of(entry("", "ENV A=1", true))));
  }
}
