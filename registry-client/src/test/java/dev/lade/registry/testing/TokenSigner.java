package dev.lade.registry.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Base32;

/**
 * Signs registry tokens: compact JWS with ES256, as distribution's token verification (libtrust in
 * 2.x) accepts them.
 */
final class TokenSigner {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final IssuedCertificate key;
  private final SigningKeyHeader header;

  TokenSigner(IssuedCertificate key, SigningKeyHeader header) {
    this.key = key;
    this.header = header;
  }

  /** Signs {@code claims}, returning {@code header.claims.signature}. */
  String sign(Map<String, Object> claims) {
    String signingInput = base64Json(joseHeader()) + "." + base64Json(claims);
    try {
      // JWS wants the raw r||s form (RFC 7518 §3.4), not the DER the JDK's default produces.
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(key.keyPair().getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign token", e);
    }
  }

  private Map<String, Object> joseHeader() {
    Map<String, Object> jose = new LinkedHashMap<>();
    jose.put("typ", "JWT");
    jose.put("alg", "ES256");
    switch (header) {
      case KID -> jose.put("kid", libtrustKeyId(key.keyPair().getPublic()));
      case X5C -> jose.put("x5c", List.of(base64Der()));
    }
    return jose;
  }

  private String base64Der() {
    try {
      return Base64.getEncoder().encodeToString(key.certificate().getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * libtrust's key ID: SHA-256 of the DER SubjectPublicKeyInfo, cut to 240 bits, base32 without
   * padding, in twelve groups of four joined by ':'.
   */
  static String libtrustKeyId(PublicKey publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
      String base32 = Base32.toBase32String(Arrays.copyOf(digest, 30));
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < base32.length(); i += 4) {
        if (i > 0) {
          id.append(':');
        }
        id.append(base32, i, i + 4);
      }
      return id.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64Json(Map<String, Object> value) {
    try {
      return BASE64URL.encodeToString(JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
