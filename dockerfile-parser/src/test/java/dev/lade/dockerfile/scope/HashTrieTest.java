package dev.lade.dockerfile.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashTrieTest {
  @Test
  void namesWithEqualHashesAreKeptApart() {
    // "Aa" and "BB" have the same String.hashCode
    HashTrie<String> t = HashTrie.<String>empty().with("Aa", "1").with("BB", "2").with("Aa", "3");
    assertEquals(2, t.size());
    assertEquals("3", t.get("Aa"));
    assertEquals("2", t.get("BB"));
    assertNull(t.get("C"));
  }

  @Test
  void everyVersionKeepsItsOwnEntries() {
    HashTrie<Integer> t = HashTrie.empty();
    HashTrie<Integer> half = null;
    for (int i = 0; i < 5_000; i++) {
      t = t.with("K" + i, i);
      if (i == 2_499) half = t;
    }
    HashTrie<Integer> changed = t.with("K7", -7);
    assertEquals(5_000, t.size());
    assertEquals(2_500, half.size());
    assertEquals(7, t.get("K7"));
    assertEquals(-7, changed.get("K7"));
    assertNull(half.get("K2500"));
    Map<String, Integer> all = new HashMap<>();
    changed.forEach(all::put);
    assertEquals(5_000, all.size());
    assertEquals(4_999, all.get("K4999"));
  }
}
