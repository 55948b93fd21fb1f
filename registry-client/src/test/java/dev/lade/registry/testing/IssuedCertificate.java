package dev.lade.registry.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** A key pair with the certificate a {@link TestCertificateAuthority} issued for it. */
public record IssuedCertificate(KeyPair keyPair, X509Certificate certificate) {

  /** Writes the certificate as one PEM {@code CERTIFICATE} block. */
  public Path writeCertificatePem(Path file) {
    return writePem(file, certificate);
  }

  /** Writes the private key as PEM, in a form Go's {@code tls.LoadX509KeyPair} reads. */
  public Path writePrivateKeyPem(Path file) {
    return writePem(file, keyPair.getPrivate());
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
