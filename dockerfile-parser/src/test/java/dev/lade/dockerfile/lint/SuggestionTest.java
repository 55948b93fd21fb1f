package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionTest {
  @Test
  void suggestsTheFirstCloseName() {
    assertEquals(Optional.of("PATH"), Suggestion.closest("PAHT", List.of("HOME", "PATH")));
    assertEquals(Optional.of("BUILDPLATFORM"), Suggestion.closest("BUILDPLATFROM", List.of("TARGETOS", "BUILDPLATFORM")));
  }

  @Test
  void suggestsNothingForFarOrExactNames() {
    assertEquals(Optional.empty(), Suggestion.closest("foo", List.of("PATH")));
    assertEquals(Optional.empty(), Suggestion.closest("PATH", List.of("PATX", "PATH")));
  }

  @Test
  void distanceCountsEdits() {
    assertEquals(3, Suggestion.distance("kitten", "sitting"));
    assertEquals(2, Suggestion.distance("PYTHONHOME", "PYTHON_HOME_"));
  }
}
