package dev.lade.oci.layer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes headers byte for byte as Go's {@code archive/tar} does with {@code Format: FormatPAX}
 * and whole-second times (containerd's differ): a plain USTAR header when every field fits,
 * splitting long names into prefix and name; otherwise a PAX extended header named {@code
 * DIR/PaxHeaders.0/NAME} with sorted records, then the USTAR header with what fits.
 */
final class TarHeaderEncoder {
  private TarHeaderEncoder() {}

  /** The header blocks (PAX header, its records padded, then the main header). */
  static byte[] encode(TarHeader h) {
    TreeMap<String, byte[]> pax = new TreeMap<>();
    boolean ustar = true;
    String[] split = splitUstarPath(h.name());
    if (!fitsString(h.name(), TarBlock.NAME_LEN)) {
      pax.put("path", utf8(h.name()));
      ustar &= split != null;
    }
    if (!fitsString(h.linkName(), TarBlock.NAME_LEN)) {
      pax.put("linkpath", utf8(h.linkName()));
      ustar = false;
    }
    ustar &= numeric(pax, "uid", h.uid(), TarBlock.NUMERIC_LEN);
    ustar &= numeric(pax, "gid", h.gid(), TarBlock.NUMERIC_LEN);
    ustar &= numeric(pax, "size", h.size(), TarBlock.LONG_NUMERIC_LEN);
    ustar &= numeric(pax, "mtime", h.modTime(), TarBlock.LONG_NUMERIC_LEN);
    if (!TarBlock.fitsOctal(TarBlock.NUMERIC_LEN, h.devMajor())
        || !TarBlock.fitsOctal(TarBlock.NUMERIC_LEN, h.devMinor())) {
      throw new IllegalArgumentException("device number too large for tar: " + h.name());
    }
    if (!h.extraRecords().isEmpty()) {
      pax.putAll(h.extraRecords());
      ustar = false;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(TarBlock.SIZE * 3);
    if (ustar) {
      String name = split == null ? h.name() : split[1];
      byte[] block = main(h, name, false);
      if (split != null) TarBlock.putString(block, TarBlock.PREFIX, TarBlock.PREFIX_LEN, split[0]);
      TarBlock.seal(block);
      out.writeBytes(block);
    } else {
      writePaxHeader(out, h.name(), pax);
      byte[] block = main(h, h.name(), true);
      TarBlock.seal(block);
      out.writeBytes(block);
    }
    return out.toByteArray();
  }

  private static byte[] main(TarHeader h, String name, boolean asciiOnly) {
    byte[] b = new byte[TarBlock.SIZE];
    TarBlock.putString(b, TarBlock.NAME, TarBlock.NAME_LEN, asciiOnly ? TarBlock.toAscii(name) : name);
    String link = asciiOnly ? TarBlock.toAscii(h.linkName()) : h.linkName();
    TarBlock.putString(b, TarBlock.LINK, TarBlock.NAME_LEN, link);
    TarBlock.putOctal(b, TarBlock.MODE, TarBlock.NUMERIC_LEN, h.mode());
    TarBlock.putOctal(b, TarBlock.UID, TarBlock.NUMERIC_LEN, h.uid());
    TarBlock.putOctal(b, TarBlock.GID, TarBlock.NUMERIC_LEN, h.gid());
    TarBlock.putOctal(b, TarBlock.FILE_SIZE, TarBlock.LONG_NUMERIC_LEN, h.size());
    TarBlock.putOctal(b, TarBlock.MTIME, TarBlock.LONG_NUMERIC_LEN, h.modTime());
    b[TarBlock.TYPE] = h.type();
    // Empty user and group names, as BuildKit writes numeric owners only.
    TarBlock.putString(b, TarBlock.UNAME, TarBlock.OWNER_NAME_LEN, "");
    TarBlock.putString(b, TarBlock.GNAME, TarBlock.OWNER_NAME_LEN, "");
    TarBlock.putOctal(b, TarBlock.DEV_MAJOR, TarBlock.NUMERIC_LEN, h.devMajor());
    TarBlock.putOctal(b, TarBlock.DEV_MINOR, TarBlock.NUMERIC_LEN, h.devMinor());
    return b;
  }

  private static void writePaxHeader(ByteArrayOutputStream out, String realName, Map<String, byte[]> records) {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    records.forEach((k, v) -> data.writeBytes(PaxRecords.format(k, v)));
    // Go names it path.Join(dir, "PaxHeaders.0", file).
    int slash = realName.lastIndexOf('/');
    String file = realName.substring(slash + 1);
    String name = realName.substring(0, slash + 1) + "PaxHeaders.0" + (file.isEmpty() ? "" : "/" + file);
    name = TarBlock.toAscii(name);
    if (name.length() > TarBlock.NAME_LEN) name = name.substring(0, TarBlock.NAME_LEN);
    while (name.endsWith("/")) name = name.substring(0, name.length() - 1);
    byte[] b = new byte[TarBlock.SIZE];
    TarBlock.putString(b, TarBlock.NAME, TarBlock.NAME_LEN, name);
    TarBlock.putOctal(b, TarBlock.MODE, TarBlock.NUMERIC_LEN, 0);
    TarBlock.putOctal(b, TarBlock.UID, TarBlock.NUMERIC_LEN, 0);
    TarBlock.putOctal(b, TarBlock.GID, TarBlock.NUMERIC_LEN, 0);
    TarBlock.putOctal(b, TarBlock.FILE_SIZE, TarBlock.LONG_NUMERIC_LEN, data.size());
    TarBlock.putOctal(b, TarBlock.MTIME, TarBlock.LONG_NUMERIC_LEN, 0);
    b[TarBlock.TYPE] = TarHeader.PAX;
    TarBlock.seal(b);
    out.writeBytes(b);
    out.writeBytes(data.toByteArray());
    out.writeBytes(new byte[TarBlock.padding(data.size())]);
  }

  private static boolean numeric(Map<String, byte[]> pax, String key, long value, int length) {
    if (TarBlock.fitsOctal(length, value)) return true;
    pax.put(key, utf8(Long.toString(value)));
    return false;
  }

  private static boolean fitsString(String s, int length) {
    return TarBlock.isAscii(s) && s.length() <= length;
  }

  /** Go's splitUSTARPath: a prefix of up to 155 bytes and a name of up to 100, split at a '/'. */
  static String[] splitUstarPath(String name) {
    int length = name.length();
    if (length <= TarBlock.NAME_LEN || !TarBlock.isAscii(name)) return null;
    if (length > TarBlock.PREFIX_LEN + 1) {
      length = TarBlock.PREFIX_LEN + 1;
    } else if (name.charAt(length - 1) == '/') {
      length--;
    }
    int i = name.lastIndexOf('/', length - 1);
    int suffixLength = name.length() - i - 1;
    if (i <= 0 || suffixLength > TarBlock.NAME_LEN || suffixLength == 0 || i > TarBlock.PREFIX_LEN) {
      return null;
    }
    return new String[] {name.substring(0, i), name.substring(i + 1)};
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
