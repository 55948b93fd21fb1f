package dev.lade.dockerfile.fuzz;

/** Inputs shown in failure messages: quoted, non-printable bytes escaped, long ones shortened. */
final class Printable {
  private static final int MAX_SHOWN = 400;

  private Printable() {}

  static String bytes(byte[] input) {
    StringBuilder sb = new StringBuilder().append(input.length).append(" bytes \"");
    for (int i = 0; i < Math.min(input.length, MAX_SHOWN); i++) {
      int b = input[i] & 0xFF;
      switch (b) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"', '\\' -> sb.append('\\').append((char) b);
        default -> {
          if (b >= 0x20 && b < 0x7F) sb.append((char) b);
          else sb.append(String.format("\\x%02x", b));
        }
      }
    }
    return sb.append(input.length > MAX_SHOWN ? "\"..." : "\"").toString();
  }

  static String text(String word) {
    StringBuilder sb = new StringBuilder().append(word.length()).append(" chars \"");
    for (int i = 0; i < Math.min(word.length(), MAX_SHOWN); i++) {
      char c = word.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') sb.append(c);
      else sb.append(String.format("\\u%04x", (int) c));
    }
    return sb.append(word.length() > MAX_SHOWN ? "\"..." : "\"").toString();
  }
}
