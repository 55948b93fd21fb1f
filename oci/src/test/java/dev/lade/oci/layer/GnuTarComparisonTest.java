package dev.lade.oci.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lade.oci.image.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * lade's layer of a small tree against GNU tar's {@code --sort=name} pax and gnu archives of it
 * (the second also checks that the reader follows GNU long names),
 * compared entry by entry as the reader sees them (type, name, mode, owner, link target, content),
 * not byte for byte: GNU tar also writes atime/ctime PAX records, names its PAX headers {@code
 * PaxHeaders.PID}, and pads the archive to 10 KiB records.
 */
class GnuTarComparisonTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pax", "gnu"})
  void sameEntriesAsGnuTar(String format) throws Exception {
    assumeTrue(Processes.available("tar"), "GNU tar is not installed");
    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.createDirectories(tree.resolve("etc/apt"));
    Files.writeString(tree.resolve("etc/hostname"), "lade\n");
    Files.writeString(tree.resolve("etc/apt/sources.list"), "deb http://deb.debian.org/debian bookworm main\n");
    Files.writeString(tree.resolve("etc.conf"), "x");
    Files.createDirectories(tree.resolve("usr/bin"));
    Files.writeString(tree.resolve("usr/bin/tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(tree.resolve("usr/bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createLink(tree.resolve("usr/bin/tool2"), tree.resolve("usr/bin/tool"));
    Files.createSymbolicLink(tree.resolve("usr/bin/sh"), Path.of("/bin/dash"));
    Files.writeString(tree.resolve("usr/" + "n".repeat(120)), "long name");
    List<String> top;
    try (Stream<Path> s = Files.list(tree)) {
      top = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> command = new ArrayList<>(List.of("tar", "--sort=name", "--numeric-owner", "--format=" + format, "--mtime=@0",
        "--owner=0", "--group=0", "-C", tree.toString(), "-cf", dir.resolve("gnu.tar").toString()));
    command.addAll(top);
    Processes.run(dir, command.toArray(String[]::new));

    byte[] lade = Entries.write(LayerOptions.defaults().withCompression(Compression.NONE).withSourceDateEpoch(Instant.EPOCH), walk(tree));
    List<Entries.Read> ours = Entries.read(lade);
    List<Entries.Read> theirs = Entries.read(Files.readAllBytes(dir.resolve("gnu.tar")));
    assertEquals(11, ours.size());
    assertEquals(describe(theirs), describe(ours));
  }

  /** The tree's entries as a builder would give them: owner 0, modes and times from the disk. */
  static List<LayerEntry> walk(Path tree) throws IOException {
    List<LayerEntry> entries = new ArrayList<>();
    Map<Object, String> inodes = new HashMap<>();
    List<Path> paths;
    try (Stream<Path> s = Files.walk(tree)) {
      paths = s.filter(p -> !p.equals(tree)).sorted((a, b) -> LayerPaths.WALK_ORDER.compare(rel(tree, a), rel(tree, b))).toList();
    }
    for (Path p : paths) {
      String rel = rel(tree, p);
      Map<String, Object> a = Files.readAttributes(p, "unix:mode,ino,nlink,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
      EntryMetadata m = EntryMetadata.of((int) a.get("mode") & 07777, 0, 0, ((FileTime) a.get("lastModifiedTime")).toInstant());
      if (Files.isSymbolicLink(p)) {
        entries.add(new LayerEntry.Symlink(rel, Files.readSymbolicLink(p).toString(), m));
      } else if (Files.isDirectory(p)) {
        entries.add(new LayerEntry.Directory(rel, m));
      } else if ((int) a.get("nlink") > 1 && inodes.containsKey(a.get("ino"))) {
        entries.add(new LayerEntry.Hardlink(rel, inodes.get(a.get("ino")), m));
      } else {
        inodes.put(a.get("ino"), rel);
        entries.add(new LayerEntry.File(rel, m, Files.size(p), () -> Files.newInputStream(p)));
      }
    }
    return entries;
  }

  static String rel(Path tree, Path p) {
    return tree.relativize(p).toString();
  }

  static List<String> describe(List<Entries.Read> entries) {
    return entries.stream().map(r -> {
      String content = r.content() == null ? "" : " " + new String(r.content(), java.nio.charset.StandardCharsets.UTF_8).strip();
      return switch (r.entry()) {
        case LayerEntry.Hardlink h -> h.path() + " link " + h.target() + " " + h.metadata();
        default -> r.entry().toString().replaceAll("content=[^\\]]*", "") + content;
      };
    }).toList();
  }
}
