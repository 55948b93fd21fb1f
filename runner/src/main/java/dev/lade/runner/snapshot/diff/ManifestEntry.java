package dev.lade.runner.snapshot.diff;

import dev.lade.oci.digest.Digest;
import dev.lade.oci.layer.EntryMetadata;
import dev.lade.runner.snapshot.fs.FileStat;
import java.util.Optional;

/**
 * What a {@link TreeManifest} remembers of one path: its status (type, inode, links, size, device
 * number), the metadata a layer would record, a symbolic link's target and a file's content digest.
 */
public record ManifestEntry(FileStat stat, EntryMetadata metadata, Optional<String> linkTarget, Optional<Digest> content) {}
