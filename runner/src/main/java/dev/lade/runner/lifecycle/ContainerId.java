package dev.lade.runner.lifecycle;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A container's id, as docker's: 64 random hexadecimal digits, shown as its first 12. */
public final class ContainerId {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ContainerId() {}

  /** A new random id. */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The 12 characters {@code docker ps} shows. */
  public static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /** Whether {@code value} is a well-formed full id. */
  public static boolean isFullId(String value) {
    return value.matches("[0-9a-f]{64}");
  }
}
