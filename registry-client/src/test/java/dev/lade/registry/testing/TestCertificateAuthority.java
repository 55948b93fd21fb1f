package dev.lade.registry.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: a self-signed EC P-256 root that issues server
 * certificates for loopback (with the IP SAN 127.0.0.1, which Go and the JDK both require), client
 * certificates for mTLS and token-signing certificates.
 */
public final class TestCertificateAuthority {

  private static final Duration VALIDITY = Duration.ofDays(2);
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final IssuedCertificate root;

  private TestCertificateAuthority(IssuedCertificate root) {
    this.root = root;
  }

  /** Creates a new root with a fresh key. */
  public static TestCertificateAuthority create() {
    KeyPair keys = newKeyPair();
    X500Principal name = new X500Principal("CN=lade test CA");
    try {
      JcaX509v3CertificateBuilder builder = builder(name, name, keys);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      return new TestCertificateAuthority(new IssuedCertificate(keys, sign(builder, keys)));
    } catch (CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The root certificate and its key. */
  public IssuedCertificate root() {
    return root;
  }

  /** A name no resolver knows, which a {@link ForwardProxy} maps to loopback; server certificates carry it. */
  public static final String PROXIED_NAME = "registry.lade.test";

  /**
   * A TLS server certificate valid for {@code 127.0.0.1}, {@code ::1}, {@code localhost} and
   * {@link #PROXIED_NAME}.
   */
  public IssuedCertificate issueServerCertificate() {
    return issue(
        "CN=127.0.0.1",
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.iPAddress, "::1"),
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.dNSName, PROXIED_NAME)
            }));
  }

  /** A TLS client certificate, for registries that demand one. */
  public IssuedCertificate issueClientCertificate(String commonName) {
    return issue("CN=" + commonName, KeyPurposeId.id_kp_clientAuth, null);
  }

  /** A certificate for a key that signs registry tokens (no TLS use). */
  public IssuedCertificate issueSigningCertificate(String commonName) {
    return issue("CN=" + commonName, null, null);
  }

  private IssuedCertificate issue(String subject, KeyPurposeId purpose, GeneralNames altNames) {
    KeyPair keys = newKeyPair();
    try {
      JcaX509v3CertificateBuilder builder =
          builder(root.certificate().getSubjectX500Principal(), new X500Principal(subject), keys);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root.certificate()));
      if (purpose != null) {
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (altNames != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      return new IssuedCertificate(keys, sign(builder, root.keyPair()));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue " + subject, e);
    }
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Principal issuer, X500Principal subject, KeyPair keys) throws CertIOException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIALS.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    try {
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return builder;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    } catch (OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a test certificate", e);
    }
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
