package dev.lade.registry.testing;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Writes htpasswd lines the way distribution's htpasswd auth reads them: bcrypt only. */
public final class Htpasswd {

  /** Go's bcrypt minimum; any higher cost only slows every authenticated request. */
  private static final int COST = 4;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Htpasswd() {}

  /** One {@code user:$2a$...} line, without the line break. */
  public static String line(Credentials credentials) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String hash = OpenBSDBCrypt.generate("2a", credentials.password().toCharArray(), salt, COST);
    return credentials.username() + ":" + hash;
  }
}
