package dev.lade.registry.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.oci.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  private static final byte[] CONTENT = "hello, registry".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(CONTENT);

  @Test
  void passesMatchingContent() throws Exception {
    VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(CONTENT), DIGEST, CONTENT.length);

    assertArrayEquals(CONTENT, in.readAllBytes());
    assertTrue(in.verified());
  }

  @Test
  void failsAtTheEndOnAnotherDigest() throws Exception {
    byte[] tampered = CONTENT.clone();
    tampered[0] ^= 1;
    InputStream in = new VerifyingInputStream(new ByteArrayInputStream(tampered), DIGEST, CONTENT.length);

    BlobVerificationException e = assertThrows(BlobVerificationException.class, in::readAllBytes);
    assertEquals("blob " + DIGEST + ": content has digest " + Digest.sha256(tampered), e.getMessage());
  }

  @Test
  void failsOnTooFewOrTooManyBytes() {
    InputStream shortIn = new VerifyingInputStream(
        new ByteArrayInputStream(Arrays.copyOf(CONTENT, 5)), DIGEST, CONTENT.length);
    InputStream longIn = new VerifyingInputStream(
        new ByteArrayInputStream(Arrays.copyOf(CONTENT, CONTENT.length + 1)), DIGEST, CONTENT.length);

    assertThrows(BlobVerificationException.class, shortIn::readAllBytes);
    BlobVerificationException e = assertThrows(BlobVerificationException.class, longIn::readAllBytes);
    assertTrue(e.getMessage().contains("more than the expected " + CONTENT.length + " bytes"), e.getMessage());
  }

  @Test
  void continuesTheHashOfAPrefixToResume() throws Exception {
    MessageDigest prefix = MessageDigest.getInstance("SHA-256");
    prefix.update(CONTENT, 0, 6);
    InputStream rest = new ByteArrayInputStream(CONTENT, 6, CONTENT.length - 6);

    VerifyingInputStream in = new VerifyingInputStream(rest, DIGEST, CONTENT.length, prefix, 6);
    in.readAllBytes();

    assertTrue(in.verified());
    assertEquals(CONTENT.length, in.count());
  }
}
