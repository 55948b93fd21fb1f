package dev.lade.dockerfile.value;

import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The entries of an {@code /etc/group} file, read as BuildKit reads them (moby/sys/user): {@code
 * name:password:gid:user1,user2}, blank lines and {@code #} comments skipped, unparsable numbers 0.
 * The first entry with a name wins.
 */
public record GroupFile(List<Entry> entries) {
  public GroupFile {
    entries = List.copyOf(entries);
  }

  /** One line of the file; {@code members} is the comma-separated user list. */
  public record Entry(String name, String password, int gid, List<String> members) {
    public Entry {
      members = List.copyOf(members);
    }
  }

  public static GroupFile parse(String content) {
    return parse(new StringReader(content));
  }

  /** @throws UncheckedIOException when reading fails */
  public static GroupFile parse(Reader reader) {
    List<Entry> out = new ArrayList<>();
    for (String[] f : ColonFile.read(reader, true)) {
      List<String> members = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split(",", -1));
      out.add(new Entry(f[0], f[1], ColonFile.number(f[2]), members));
    }
    return new GroupFile(out);
  }

  /** The first entry named {@code name}. */
  public Optional<Entry> byName(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The first entry with group id {@code gid}. */
  public Optional<Entry> byGid(int gid) {
    return entries.stream().filter(e -> e.gid() == gid).findFirst();
  }

  /** The groups listing {@code user} as a member, in file order (supplementary groups). */
  public List<Entry> memberships(String user) {
    return entries.stream().filter(e -> e.members().contains(user)).toList();
  }
}
