package dev.lade.buildkit.build;

import dev.lade.dockerfile.ast.Add;
import dev.lade.dockerfile.ast.Copy;
import dev.lade.dockerfile.ast.InlineFile;
import dev.lade.dockerfile.ast.Instruction;
import java.util.List;
import java.util.Optional;

/**
 * The history entry BuildKit writes for COPY and ADD: {@code COPY [--parents] [--chown=U]
 * [--chmod=M] SRC... [<<HEREDOC]... DEST # buildkit}.
 */
final class CopyHistory {
  private CopyHistory() {}

  static String of(Instruction expanded) {
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    if (expanded instanceof Copy c) {
      return format("COPY", c.parents(), c.chown(), c.chmod(), c.sources(), c.inlineSources(), c.destination());
    }
    if (expanded instanceof Add a) {
      return format("ADD", false, a.chown(), a.chmod(), a.sources(), a.inlineSources(), a.destination());
    }
    throw new IllegalArgumentException("not a COPY or ADD: " + expanded.keyword());
  }

  private static String format(String keyword, boolean parents, Optional<String> chown, Optional<String> chmod,
      List<String> sources, List<InlineFile> inline, String destination) {
    StringBuilder sb = new StringBuilder(keyword);
    if (parents) sb.append(" --parents");
    chown.filter(v -> !v.isEmpty()).ifPresent(v -> sb.append(" --chown=").append(v));
    chmod.filter(v -> !v.isEmpty()).ifPresent(v -> sb.append(" --chmod=").append(v));
    for (String src : sources) sb.append(' ').append(src);
    for (InlineFile f : inline) sb.append(" <<").append(f.path());
    return sb.append(' ').append(destination).append(" # buildkit").toString();
  }
}
