package dev.lade.registry.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * TLS contexts for a registry host from Docker's {@code certs.d/HOST[:PORT]/} directory: every
 * {@code *.crt} is a CA trusted besides the system's, every {@code *.cert} with its {@code *.key}
 * is a client certificate (as in Docker's {@code ReadCertsDirectory}).
 */
final class TlsContexts {
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** A context trusting the system CAs and those of {@code hostDirectory} (which may not exist). */
  static SSLContext forHost(Path hostDirectory) throws TlsSetupException {
    try {
      List<X509Certificate> cas = new ArrayList<>();
      List<Path> clientCertificates = new ArrayList<>();
      if (hostDirectory != null && Files.isDirectory(hostDirectory)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(hostDirectory)) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".crt")) cas.addAll(certificates(file));
            if (name.endsWith(".cert")) clientCertificates.add(file);
          }
        }
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(clientCertificates), trustManagers(cas), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsSetupException("cannot set up TLS from " + hostDirectory + ": " + e.getMessage(), e);
    }
  }

  /** A context accepting any server certificate: only for hosts the user declared insecure. */
  static SSLContext trustingAnything() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAnything()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot make a TLS context", e);
    }
  }

  private static TrustManager[] trustManagers(List<X509Certificate> extra)
      throws GeneralSecurityException, IOException {
    TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    if (extra.isEmpty()) return system.getTrustManagers();
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (X509TrustManager manager : x509(system.getTrustManagers())) {
      for (X509Certificate ca : manager.getAcceptedIssuers()) add(store, ca);
    }
    for (X509Certificate ca : extra) add(store, ca);
    TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    combined.init(store);
    return combined.getTrustManagers();
  }

  private static void add(KeyStore store, X509Certificate ca) throws GeneralSecurityException {
    store.setCertificateEntry("ca-" + store.size(), ca);
  }

  private static List<X509TrustManager> x509(TrustManager[] managers) {
    List<X509TrustManager> result = new ArrayList<>();
    for (TrustManager manager : managers) {
      if (manager instanceof X509TrustManager x) result.add(x);
    }
    return result;
  }

  private static KeyManager[] keyManagers(List<Path> certificateFiles)
      throws GeneralSecurityException, IOException {
    if (certificateFiles.isEmpty()) return null;
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (Path certificate : certificateFiles) {
      String name = certificate.getFileName().toString();
      Path key = certificate.resolveSibling(name.substring(0, name.length() - ".cert".length()) + ".key");
      if (!Files.exists(key)) {
        throw new IOException("missing key " + key.getFileName() + " for client certificate " + certificate);
      }
      List<X509Certificate> chain = certificates(certificate);
      store.setKeyEntry(name, privateKey(key), NO_PASSWORD, chain.toArray(Certificate[]::new));
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  private static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
    List<X509Certificate> result = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        result.add((X509Certificate) certificate);
      }
    }
    return result;
  }

  /** Reads a PEM key in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form, as openssl and cfssl write them. */
  private static PrivateKey privateKey(Path pem) throws IOException {
    try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
      Object parsed = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (parsed instanceof PEMKeyPair pair) return converter.getKeyPair(pair).getPrivate();
      if (parsed instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
      throw new IOException("no unencrypted private key in " + pem);
    }
  }

  private static final class TrustAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
