package dev.lade.dockerfile.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariableScopeTest {
  @Test
  void replacingKeepsThePositionAndLeavesTheOriginalAlone() {
    VariableScope a = VariableScope.empty().with("A", "1").with("B", "2");
    VariableScope b = a.with("A", "3");
    assertEquals(List.of("A=3", "B=2"), b.entries());
    assertEquals(List.of("A=1", "B=2"), a.entries());
  }

  @Test
  void emptyIsSetButNotAbsent() {
    VariableScope s = VariableScope.ofEntries(List.of("NULL=", "PATH=/bin"));
    assertTrue(s.contains("NULL"));
    assertEquals("", s.get("NULL").orElseThrow());
    assertFalse(s.contains("HOME"));
  }
}
