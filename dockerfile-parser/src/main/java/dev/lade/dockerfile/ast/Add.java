package dev.lade.dockerfile.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code ADD [flags] src... dest}: copies local files, URLs, git repositories, and unpacks
 * local archives.
 *
 * @param sources the source paths or URLs, unexpanded (heredoc sources excluded)
 * @param inlineSources the sources given as heredocs
 * @param destination the destination path, unexpanded
 * @param chown {@code --chown=user[:group]}, unexpanded
 * @param chmod {@code --chmod=mode}, unexpanded (octal or symbolic)
 * @param link {@code --link}
 * @param keepGitDir {@code --keep-git-dir}
 * @param checksum {@code --checksum=algo:hex} (or a git commit), unexpanded
 * @param unpack {@code --unpack}; empty when not given (BuildKit then decides by source kind)
 * @param excludes {@code --exclude=pattern}, repeated, in order
 */
public record Add(
    List<String> sources, List<InlineFile> inlineSources, String destination,
    Optional<String> chown, Optional<String> chmod, boolean link, boolean keepGitDir,
    Optional<String> checksum, Optional<Boolean> unpack, List<String> excludes,
    SourceLocation location, String original) implements Instruction {
  public Add {
    sources = List.copyOf(sources);
    inlineSources = List.copyOf(inlineSources);
    excludes = List.copyOf(excludes);
  }
}
