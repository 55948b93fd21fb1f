package dev.lade.buildkit.fs.context;

import static dev.lade.oci.testing.RecordEquality.assertEveryComponentCounts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileStampTest {
  /** A file whose stamp changes in any field is hashed again: equals must see every one. */
  @Test
  void stampsDifferingInAnyFieldDiffer() throws ReflectiveOperationException {
    Map<String, Object[]> values = new LinkedHashMap<>();
    values.put("device", new Object[] {1L, 2L});
    values.put("inode", new Object[] {10L, 11L});
    values.put("size", new Object[] {100L, 101L});
    values.put("modifiedNanos", new Object[] {1_000L, 1_001L});
    values.put("changedNanos", new Object[] {2_000L, 2_001L});
    assertEveryComponentCounts(FileStamp.class, values);
  }
}
