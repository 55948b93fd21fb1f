package dev.lade.registry.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** A key pair with the certificate a {@link TestCertificateAuthority} issued for it. */
public record IssuedCertificate(KeyPair keyPair, X509Certificate certificate) {

  /** Writes the certificate as one PEM {@code CERTIFICATE} block. */
  public Path writeCertificatePem(Path file) {
    return writePem(file, certificate);
  }

  /** Writes the private key as a PEM {@code PRIVATE KEY} (PKCS #8) block, which Go reads. */
  public Path writePrivateKeyPem(Path file) {
    return writePem(file, new PemObject("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
  }

  static Path writePem(Path file, Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return Files.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
