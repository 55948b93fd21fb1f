package dev.lade.oci.layer;

import java.util.SortedMap;

/**
 * The fields of one tar header as Go's {@code archive/tar} sees them. {@code extraRecords} are PAX
 * records beyond the ones the fields themselves may need (extended attributes).
 */
record TarHeader(
    String name,
    String linkName,
    byte type,
    long mode,
    long uid,
    long gid,
    long size,
    long modTime,
    long devMajor,
    long devMinor,
    SortedMap<String, byte[]> extraRecords) {
  static final byte REGULAR = '0';
  static final byte HARDLINK = '1';
  static final byte SYMLINK = '2';
  static final byte CHAR = '3';
  static final byte BLOCK = '4';
  static final byte DIRECTORY = '5';
  static final byte FIFO = '6';
  static final byte PAX = 'x';
  static final byte PAX_GLOBAL = 'g';
  static final byte GNU_LONGNAME = 'L';
  static final byte GNU_LONGLINK = 'K';
}
