package dev.lade.buildkit.fs.context;

import dev.lade.buildkit.fs.FileTree;
import dev.lade.buildkit.fs.TreePaths;
import dev.lade.dockerfile.ignore.IgnorePatterns;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.oci.layer.LayerEntry;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A build context: a local directory read in place (never copied), with its {@code .dockerignore}
 * applied as BuildKit applies it when it sends the context.
 *
 * <p>What COPY sees is what BuildKit's context transfer delivers: files owned by 0:0 whatever
 * their owner on disk (the client resets ids), permission bits and modification times as on disk,
 * symlinks as symlinks. An excluded directory still appears when a {@code !} exception re-includes
 * something inside it, as fsutil then sends it to hold that file. Sockets and devices are left out.
 */
public final class ContextTree implements FileTree {
  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int DIRECTORY = 0040000;
  private static final int SYMLINK = 0120000;
  private static final String ATTRIBUTES = "unix:mode,ino,dev,nlink,size,lastModifiedTime,ctime";

  private final Path root;
  private final IgnorePatterns ignore;
  private final ChecksumCache checksums;
  private final Map<String, Boolean> holdsIncluded = new ConcurrentHashMap<>();

  private ContextTree(Path root, IgnorePatterns ignore, ChecksumCache checksums) {
    this.root = root;
    this.ignore = ignore;
    this.checksums = checksums;
  }

  /**
   * The context at {@code root} with {@code ignore} applied.
   *
   * @throws NotDirectoryException if {@code root} is not a directory
   */
  public static ContextTree open(Path root, IgnorePatterns ignore) throws IOException {
    return open(root, ignore, null);
  }

  /**
   * The context at {@code root} with {@code ignore} applied, its files' checksums remembered in
   * {@code checksums} (null for nowhere).
   *
   * @throws NotDirectoryException if {@code root} is not a directory
   */
  public static ContextTree open(Path root, IgnorePatterns ignore, ChecksumCache checksums) throws IOException {
    Objects.requireNonNull(ignore, "ignore");
    Path real = root.toRealPath();
    if (!Files.isDirectory(real)) throw new NotDirectoryException(root.toString());
    return new ContextTree(real, ignore, checksums);
  }

  /** The context directory. */
  public Path root() {
    return root;
  }

  @Override
  public Optional<LayerEntry> lookup(String path) throws IOException {
    if (!path.isEmpty() && !visible(path)) return Optional.empty();
    Map<String, Object> attributes;
    Path file = root.resolve(path);
    try {
      attributes = Files.readAttributes(file, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int mode = (Integer) attributes.get("mode");
    FileTime mtime = (FileTime) attributes.get("lastModifiedTime");
    EntryMetadata metadata = EntryMetadata.of(mode & 07777, 0, 0, mtime.toInstant());
    return Optional.ofNullable(switch (mode & TYPE_MASK) {
      case DIRECTORY -> path.isEmpty() ? null : new LayerEntry.Directory(path, metadata);
      case SYMLINK -> new LayerEntry.Symlink(path, Files.readSymbolicLink(file).toString(), metadata);
      case REGULAR -> new LayerEntry.File(path, metadata, (Long) attributes.get("size"),
          new LocalFileContent(file, inode(attributes), FileStamp.of(attributes), checksums));
      default -> null;
    });
  }

  @Override
  public List<String> children(String path) throws IOException {
    Path dir = root.resolve(path);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (visible(TreePaths.join(path, name))) names.add(name);
      }
    }
    names.sort(TreePaths.BYTE_ORDER);
    return names;
  }

  /** Whether the transfer delivers {@code path}: not ignored, or a directory holding something that is. */
  private boolean visible(String path) throws IOException {
    if (!ignore.excludes(path)) return true;
    if (!ignore.hasExclusions()) return false;
    Path file = root.resolve(path);
    if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) return false;
    Boolean known = holdsIncluded.get(path);
    if (known != null) return known;
    boolean holds = false;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(file)) {
      for (Path entry : entries) {
        if (visible(TreePaths.join(path, entry.getFileName().toString()))) {
          holds = true;
          break;
        }
      }
    }
    holdsIncluded.put(path, holds);
    return holds;
  }

  private static Object inode(Map<String, Object> attributes) {
    if ((Integer) attributes.get("nlink") < 2) return null;
    return attributes.get("dev") + ":" + attributes.get("ino");
  }
}
