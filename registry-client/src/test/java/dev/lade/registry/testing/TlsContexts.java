package dev.lade.registry.testing;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds JDK {@link SSLContext}s from test certificates, all in memory. */
public final class TlsContexts {

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** A client context that trusts only {@code ca} (not the JDK's default roots). */
  public static SSLContext trusting(X509Certificate ca) {
    return context(null, ca);
  }

  /** A client context that trusts only {@code ca} and presents {@code identity} when asked. */
  public static SSLContext trustingWithIdentity(X509Certificate ca, IssuedCertificate identity) {
    return context(identity, ca);
  }

  /** A server context presenting {@code identity}, whose chain ends at {@code ca}. */
  public static SSLContext server(IssuedCertificate identity, X509Certificate ca) {
    return context(identity, ca);
  }

  private static SSLContext context(IssuedCertificate identity, X509Certificate ca) {
    try {
      KeyStore trust = emptyStore();
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trust);

      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore keys = emptyStore();
      if (identity != null) {
        keys.setKeyEntry(
            "identity",
            identity.keyPair().getPrivate(),
            NO_PASSWORD,
            new Certificate[] {identity.certificate(), ca});
      }
      keyManagers.init(keys, NO_PASSWORD);

      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, java.io.IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
