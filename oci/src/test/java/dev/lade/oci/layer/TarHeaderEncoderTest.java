package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Headers as Go's archive/tar writes them for containerd (USTAR unless PAX is needed). */
class TarHeaderEncoderTest {
  static TarHeader header(String name, long uid, long modTime, Map<String, byte[]> extra) {
    return new TarHeader(name, "", TarHeader.REGULAR, 0644, uid, 0, 5, modTime, 0, 0, new TreeMap<>(extra));
  }

  static String field(byte[] block, int offset, int length) {
    return new String(block, offset, length, StandardCharsets.ISO_8859_1);
  }

  @Test
  void shortAsciiNameIsOneUstarBlockWithGoFieldFormatting() {
    byte[] b = TarHeaderEncoder.encode(header("etc/hostname", 0, 1_700_000_000L, Map.of()));
    assertEquals(512, b.length);
    assertEquals("etc/hostname\0", field(b, 0, 13));
    assertEquals("0000644\0", field(b, TarBlock.MODE, 8));
    assertEquals("0000000\0", field(b, TarBlock.UID, 8));
    assertEquals("00000000005\0", field(b, TarBlock.FILE_SIZE, 12));
    assertEquals("14524770400\0", field(b, TarBlock.MTIME, 12));
    assertEquals("ustar\u000000", field(b, TarBlock.MAGIC, 8));
    assertEquals("\0".repeat(64), field(b, TarBlock.UNAME, 64)); // no user or group names
    assertEquals("0000000\0", field(b, TarBlock.DEV_MAJOR, 8));
    String checksum = field(b, TarBlock.CHECKSUM, 8);
    assertEquals(Long.parseLong(checksum.substring(0, 6), 8), TarBlock.checksum(b));
    assertEquals("\0 ", checksum.substring(6));
  }

  @Test
  void longNameThatSplitsUsesTheUstarPrefixNotPax() {
    String name = "a".repeat(60) + "/" + "b".repeat(60) + "/file";
    byte[] b = TarHeaderEncoder.encode(header(name, 0, 0, Map.of()));
    assertEquals(512, b.length);
    assertEquals("file\0", field(b, 0, 5));
    assertEquals("a".repeat(60) + "/" + "b".repeat(60) + "\0", field(b, TarBlock.PREFIX, 122));
  }

  @Test
  void unsplittableLongNameGetsAPaxPathRecord() {
    String name = "dir/" + "x".repeat(150);
    byte[] b = TarHeaderEncoder.encode(header(name, 0, 0, Map.of()));
    assertEquals(512 * 3, b.length);
    assertEquals('x', b[TarBlock.TYPE]);
    assertEquals("dir/PaxHeaders.0/" + "x".repeat(83), field(b, 0, 100));
    assertEquals("164 path=" + name + "\n", field(b, 512, 164)); // 154 + 4 + 3 + 3 digits
    assertEquals(name.substring(0, 100), field(b, 1024, 100)); // the main header keeps what fits
    assertEquals('0', b[1024 + TarBlock.TYPE]);
  }

  @Test
  void nonAsciiNameGetsAPaxPathAndAnAsciiOnlyMainName() {
    byte[] b = TarHeaderEncoder.encode(header("été.txt", 0, 0, Map.of()));
    String path = "path=été.txt\n";
    int length = path.getBytes(StandardCharsets.UTF_8).length;
    assertEquals((length + 3) + " " + path, new String(Arrays.copyOfRange(b, 512, 512 + length + 3), StandardCharsets.UTF_8));
    assertEquals("PaxHeaders.0/t.txt\0", field(b, 0, 19));
    assertEquals("t.txt\0", field(b, 1024, 6));
  }

  @Test
  void directoryPaxHeaderIsNamedInsideTheDirectory() {
    TarHeader dir = new TarHeader("a/" + "é".repeat(60) + "/", "", TarHeader.DIRECTORY, 0755, 0, 0, 0, 0, 0, 0, new TreeMap<>());
    byte[] b = TarHeaderEncoder.encode(dir);
    // path.Join("a/éé…/", "PaxHeaders.0", ""), then non-ASCII dropped, as Go does.
    assertEquals("a//PaxHeaders.0\0", field(b, 0, 16));
  }

  @Test
  void uidBeyondSevenOctalDigitsGetsAPaxRecordAndZeroInTheHeader() {
    byte[] b = TarHeaderEncoder.encode(header("f", 2_097_152, 0, Map.of()));
    assertEquals("15 uid=2097152\n", field(b, 512, 15));
    assertEquals("0000000\0", field(b, 1024 + TarBlock.UID, 8));
    assertEquals(512, TarHeaderEncoder.encode(header("f", 2_097_151, 0, Map.of())).length);
  }

  @Test
  void negativeMtimeGetsAPaxRecord() {
    byte[] b = TarHeaderEncoder.encode(header("f", 0, -1, Map.of()));
    assertEquals("12 mtime=-1\n", field(b, 512, 12));
  }

  @Test
  void xattrsAreBinarySchilyRecordsSortedByKey() throws Exception {
    byte[] cap = {1, 0, 0, 2, (byte) 0xff, 0};
    byte[] b = TarHeaderEncoder.encode(header("bin/ping", 0, 0, Map.of("SCHILY.xattr.security.capability", cap, "SCHILY.xattr.user.a", new byte[] {'v'})));
    Map<String, byte[]> records = PaxRecords.parse(Arrays.copyOfRange(b, 512, 512 + (int) RawTarHeader.number(b, TarBlock.FILE_SIZE, 12, 0)));
    assertEquals(2, records.size());
    assertArrayEquals(cap, records.get("SCHILY.xattr.security.capability"));
    assertEquals("bin/PaxHeaders.0/ping\0", field(b, 0, 22));
    assertEquals('x', b[TarBlock.TYPE]);
  }

  @Test
  void paxRecordLengthCountsItsOwnDigitsAsGoDoes() {
    assertEquals("6 k=v\n", new String(PaxRecords.format("k", "v".getBytes()), StandardCharsets.UTF_8));
    assertEquals("19 path=/etc/hosts\n", new String(PaxRecords.format("path", "/etc/hosts".getBytes()), StandardCharsets.UTF_8));
    // 1 + 94 + 3 = 98; with two digits 100, which needs three: 101.
    byte[] rollover = PaxRecords.format("k", "v".repeat(94).getBytes());
    assertEquals(101, rollover.length);
    assertEquals("101 k=", new String(rollover, 0, 6, StandardCharsets.UTF_8));
    for (int n = 0; n < 1200; n++) {
      byte[] r = PaxRecords.format("path", "a".repeat(n).getBytes());
      assertEquals(r.length, Integer.parseInt(new String(r, StandardCharsets.UTF_8).split(" ")[0]), "value length " + n);
    }
  }

  @Test
  void ustarSplitFollowsGo() {
    assertNull(TarHeaderEncoder.splitUstarPath("short"));
    assertNull(TarHeaderEncoder.splitUstarPath("x".repeat(101)));
    assertNull(TarHeaderEncoder.splitUstarPath("p".repeat(156) + "/name"));
    assertArrayEquals(new String[] {"p".repeat(155), "n".repeat(100)}, TarHeaderEncoder.splitUstarPath("p".repeat(155) + "/" + "n".repeat(100)));
    assertArrayEquals(new String[] {"p".repeat(100), "d/"}, TarHeaderEncoder.splitUstarPath("p".repeat(100) + "/d/"));
  }
}
