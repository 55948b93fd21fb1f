package dev.lade.oci.image;

import static dev.lade.oci.testing.RecordEquality.assertEveryComponentCounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.json.JsonString;
import dev.lade.oci.platform.Platform;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The image model's records whose {@code equals} and {@code hashCode} are written out (see {@code RecordEquality}). */
class WrittenOutEqualityTest {
  private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
  private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));

  @Test
  void descriptorsDifferingInAnyComponentDiffer() throws Exception {
    Map<String, Object[]> values = new LinkedHashMap<>();
    values.put("mediaType", new Object[] {MediaType.OCI_MANIFEST, MediaType.OCI_INDEX});
    values.put("digest", new Object[] {A, B});
    values.put("size", new Object[] {10L, 11L});
    values.put("urls", new Object[] {List.of("https://a.example/x"), List.of("https://b.example/x")});
    values.put("annotations", new Object[] {Map.of("k", "v"), Map.of("k", "w")});
    values.put("data", new Object[] {"e30=", "W10="});
    values.put("platform", new Object[] {Platform.of("linux", "amd64"), Platform.of("linux", "arm64")});
    values.put("artifactType", new Object[] {MediaType.OCI_EMPTY, MediaType.OCI_MANIFEST});
    values.put("extra", new Object[] {Map.of("x", new JsonString("1")), Map.of("x", new JsonString("2"))});
    assertEveryComponentCounts(Descriptor.class, values);
  }

  @Test
  void mediaTypesDifferingInTheirValueDiffer() throws Exception {
    assertEveryComponentCounts(MediaType.class, Map.of("value", new Object[] {"application/a", "application/b"}));
  }

  /** A digest's algorithm fixes its hex's length, so no two valid digests differ in the algorithm alone. */
  @Test
  void digestsDifferingInTheirHexDiffer() {
    assertEquals(List.of("algorithm", "hex"),
        Arrays.stream(Digest.class.getRecordComponents()).map(RecordComponent::getName).toList());
    assertEquals(A, Digest.parse(A.toString()));
    assertEquals(A.hashCode(), Digest.parse(A.toString()).hashCode());
    assertNotEquals(A, B);
    assertNotEquals(A, Digest.parse("sha512:" + "a".repeat(128)));
  }
}
