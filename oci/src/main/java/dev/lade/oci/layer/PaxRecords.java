package dev.lade.oci.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** PAX extended header records: {@code "LEN KEY=VALUE\n"}, where LEN counts the whole record. */
final class PaxRecords {
  private PaxRecords() {}

  /** One record; values are raw bytes, since extended attribute values may be binary. */
  static byte[] format(String key, byte[] value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int size = k.length + value.length + 3;
    size += Integer.toString(size).length();
    int actual = Integer.toString(size).length() + k.length + value.length + 3;
    if (actual != size) size = actual; // adding the length's digits made it longer, as Go corrects
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.writeBytes((size + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(k);
    out.write('=');
    out.writeBytes(value);
    out.write('\n');
    return out.toByteArray();
  }

  /** Parses the records of an extended header's data. */
  static Map<String, byte[]> parse(byte[] data) throws IOException {
    Map<String, byte[]> records = new TreeMap<>();
    int pos = 0;
    while (pos < data.length) {
      int space = indexOf(data, (byte) ' ', pos);
      if (space < 0) throw new IOException("malformed PAX record at offset " + pos);
      int length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
      int end = pos + length;
      int equals = indexOf(data, (byte) '=', space + 1);
      if (length <= 0 || end > data.length || equals < 0 || equals >= end || data[end - 1] != '\n') {
        throw new IOException("malformed PAX record at offset " + pos);
      }
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      byte[] value = java.util.Arrays.copyOfRange(data, equals + 1, end - 1);
      records.put(key, value);
      pos = end;
    }
    return records;
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) if (data[i] == b) return i;
    return -1;
  }
}
