package dev.lade.oci.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/**
 * For records whose {@code equals} and {@code hashCode} are written out (for start-up: a record's generated ones spin
 * classes at first use that no start-up cache holds): they must still compare every component, as generated ones do.
 */
public final class RecordEquality {
  private RecordEquality() {}

  /**
   * Asserts that records made of the same values are equal with equal hash codes, and that changing any one component
   * makes them differ; {@code values} holds, per component name, a first and a second value (every component must be
   * there, so that one added later and left out of {@code equals} fails).
   */
  public static <R extends Record> void assertEveryComponentCounts(Class<R> type, Map<String, Object[]> values)
      throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    assertEquals(Arrays.stream(components).map(RecordComponent::getName).sorted().toList(),
        values.keySet().stream().sorted().toList(), "every component of " + type.getSimpleName() + " has values here");
    Constructor<R> canonical = type.getDeclaredConstructor(
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    canonical.setAccessible(true);
    Object[] base = Arrays.stream(components).map(c -> values.get(c.getName())[0]).toArray();
    R first = canonical.newInstance(base);
    R same = canonical.newInstance(base.clone());
    assertEquals(first, same);
    assertEquals(first.hashCode(), same.hashCode());
    for (int i = 0; i < components.length; i++) {
      Object[] changed = base.clone();
      changed[i] = values.get(components[i].getName())[1];
      assertNotEquals(first, canonical.newInstance(changed),
          type.getSimpleName() + " differing in " + components[i].getName());
    }
  }
}
