package dev.lade.dockerfile.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code COPY [flags] src... dest}.
 *
 * @param sources the source paths, unexpanded (heredoc sources excluded)
 * @param inlineSources the sources given as heredocs
 * @param destination the destination path, unexpanded
 * @param from {@code --from=stage|image|context}, unexpanded
 * @param chown {@code --chown=user[:group]}, unexpanded
 * @param chmod {@code --chmod=mode}, unexpanded (octal or symbolic)
 * @param link {@code --link}
 * @param parents {@code --parents}: keep the sources' parent directories
 * @param excludes {@code --exclude=pattern}, repeated, in order
 */
public record Copy(
    List<String> sources, List<InlineFile> inlineSources, String destination,
    Optional<String> from, Optional<String> chown, Optional<String> chmod, boolean link,
    boolean parents, List<String> excludes, SourceLocation location, String original)
    implements Instruction {
  public Copy {
    sources = List.copyOf(sources);
    inlineSources = List.copyOf(inlineSources);
    excludes = List.copyOf(excludes);
  }
}
