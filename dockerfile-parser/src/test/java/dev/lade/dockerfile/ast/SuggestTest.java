package dev.lade.dockerfile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
  @Test
  void suggestsTheClosestOptionWithinTwoEdits() {
    assertEquals("bad (did you mean cache?)", Suggest.withSuggestion("bad", "cahce", MountParser.TYPES, true));
    assertEquals("bad", Suggest.withSuggestion("bad", "volume", MountParser.TYPES, true));
  }

  @Test
  void anExactMatchMeansTheErrorIsNotAboutTheValue() {
    assertEquals("bad", Suggest.withSuggestion("bad", "ssh", MountParser.TYPES, true));
  }

  @Test
  void caseInsensitiveMatchesTakeTheValuesCase() {
    List<String> names = InstructionParser.NAMES;
    assertEquals("x (did you mean RUN?)", Suggest.withSuggestion("x", "RUNN", names, false));
    assertEquals("x (did you mean run?)", Suggest.withSuggestion("x", "runn", names, false));
    assertEquals("x (did you mean copy?)", Suggest.withSuggestion("x", "Coppy", names, false));
  }

  @Test
  void distanceCountsEdits() {
    assertEquals(0, Suggest.distance("abc", "abc"));
    assertEquals(3, Suggest.distance("kitten", "sitting"));
    assertEquals(2, Suggest.distance("", "ab"));
  }
}
