package dev.lade.oci.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DigestTest {
  // The digest of "{}" given by the OCI image spec's guidance for an empty descriptor.
  private static final String EMPTY_JSON =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  @Test
  void sha256OfBytesMatchesTheSpecExample() {
    assertEquals(EMPTY_JSON, Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void sha256OfStreamEqualsSha256OfBytes() throws IOException {
    byte[] data = "hello, lade".repeat(5000).getBytes(StandardCharsets.UTF_8);
    assertEquals(Digest.sha256(data), Digest.sha256(new ByteArrayInputStream(data)));
  }

  @Test
  void sha512OfEmptyInputIsTheKnownValue() {
    Digest digest = Digest.of(DigestAlgorithm.SHA512, new byte[0]);
    assertEquals(
        "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
        digest.toString());
  }

  @Test
  void parseRoundTrips() {
    Digest digest = Digest.parse(EMPTY_JSON);
    assertEquals(DigestAlgorithm.SHA256, digest.algorithm());
    assertEquals(EMPTY_JSON.substring(7), digest.hex());
    assertEquals(EMPTY_JSON, digest.toString());
    assertEquals(32, digest.hash().length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "sha256                                            | invalid checksum digest format",
        "sha256:                                           | invalid checksum digest format",
        ":abc                                              | invalid checksum digest format",
        "sha256:ffffffffffffffffffffffffffffffffff         | invalid checksum digest length",
        "sha384:ffffffffffffffffffffffffffffffffffffffffffffffff | unsupported digest algorithm",
        "invaliddigest:ffffffffffffffffffffffffffffffffffff | unsupported digest algorithm",
        "Sha256:ffff                                       | invalid checksum digest format",
        "sha256:FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF | invalid checksum digest format",
        "sha256:gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg | invalid checksum digest format",
        "sha512:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff | invalid checksum digest length",
      })
  void parseRejectsWithGoDigestErrors(String input, String expectedStart) {
    InvalidDigestException e = assertThrows(InvalidDigestException.class, () -> Digest.parse(input));
    assertTrue(
        e.getMessage().startsWith(expectedStart), () -> input + " gave: " + e.getMessage());
  }

  @Test
  void lengthErrorSaysWhatWasExpected() {
    InvalidDigestException e =
        assertThrows(InvalidDigestException.class, () -> Digest.parse("sha256:abcd"));
    assertEquals(
        "invalid checksum digest length: sha256 needs 64 hex characters, got 4 in \"sha256:abcd\"",
        e.getMessage());
  }

  @Test
  void ordersByString() {
    Digest a = Digest.parse("sha256:" + "a".repeat(64));
    Digest b = Digest.parse("sha256:" + "b".repeat(64));
    assertTrue(a.compareTo(b) < 0);
  }
}
