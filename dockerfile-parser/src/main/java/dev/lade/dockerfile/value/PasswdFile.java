package dev.lade.dockerfile.value;

import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entries of an {@code /etc/passwd} file, read as BuildKit reads them (moby/sys/user):
 * {@code name:password:uid:gid:gecos:home:shell}, blank lines skipped, missing fields empty and
 * unparsable numbers 0. The first entry with a name wins.
 */
public record PasswdFile(List<Entry> entries) {
  public PasswdFile {
    entries = List.copyOf(entries);
  }

  /** One line of the file. */
  public record Entry(String name, String password, int uid, int gid, String gecos, String home, String shell) {}

  public static PasswdFile parse(String content) {
    return parse(new StringReader(content));
  }

  /** @throws UncheckedIOException when reading fails */
  public static PasswdFile parse(Reader reader) {
    List<Entry> out = new ArrayList<>();
    for (String[] f : ColonFile.read(reader, false)) {
      out.add(new Entry(f[0], f[1], ColonFile.number(f[2]), ColonFile.number(f[3]), f[4], f[5], f[6]));
    }
    return new PasswdFile(out);
  }

  /** The first entry named {@code name}. */
  public Optional<Entry> byName(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The first entry with user id {@code uid}. */
  public Optional<Entry> byUid(int uid) {
    return entries.stream().filter(e -> e.uid() == uid).findFirst();
  }
}
