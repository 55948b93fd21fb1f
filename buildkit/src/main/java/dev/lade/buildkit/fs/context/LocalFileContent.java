package dev.lade.buildkit.fs.context;

import dev.lade.buildkit.fs.SharedContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a file read in place from the local disk.
 *
 * @param file the file on disk
 * @param inode the device and inode number when the file has more than one name, else null
 */
record LocalFileContent(Path file, Object inode) implements SharedContent {
  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(file);
  }
}
