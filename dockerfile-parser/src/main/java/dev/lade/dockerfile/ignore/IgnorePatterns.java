package dev.lade.dockerfile.ignore;

import dev.lade.dockerfile.text.GoUnicode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The patterns of a {@code .dockerignore} file, matched exactly as BuildKit matches them when it
 * sends the build context (moby/patternmatcher and tonistiigi/fsutil).
 *
 * <p>Patterns apply in order and the last one that matches a path decides: a plain pattern
 * excludes, a {@code !} pattern re-includes. A pattern that matches a directory also matches
 * everything inside it. Immutable and safe to share between threads.
 */
public final class IgnorePatterns {
  private static final String PATTERN_CHARS = "*[]?^\\";

  private final String source;
  private final List<IgnorePattern> patterns;
  private final boolean hasExclusions;
  private final boolean onlyLiteralExclusions;

  private IgnorePatterns(String source, List<IgnorePattern> patterns) {
    this.source = source;
    this.patterns = List.copyOf(patterns);
    this.hasExclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
    this.onlyLiteralExclusions = patterns.stream()
        .filter(IgnorePattern::exclusion)
        .noneMatch(p -> containsAny(withoutTrailingGlob(p), PATTERN_CHARS));
  }

  /** No patterns: nothing is excluded. */
  public static IgnorePatterns empty() {
    return new IgnorePatterns("", List.of());
  }

  /**
   * Reads an ignore file (UTF-8), as BuildKit's {@code ignorefile.ReadAll} and {@code
   * patternmatcher.New} do.
   *
   * @param sourceName the file's name, used in error messages
   * @throws IgnorePatternException for a line over 64 KiB, a lone {@code !}, or a malformed pattern
   * @throws UncheckedIOException when reading fails
   */
  public static IgnorePatterns parse(Reader reader, String sourceName) {
    try {
      List<IgnorePattern> out = new ArrayList<>();
      for (IgnoreFileReader.Line line : IgnoreFileReader.readAll(reader, sourceName)) {
        compile(line.text(), sourceName, line.number(), out);
      }
      return new IgnorePatterns(sourceName, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
    }
  }

  /** {@link #parse(Reader, String)} over UTF-8 bytes. */
  public static IgnorePatterns parse(InputStream in, String sourceName) {
    return parse(new InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
  }

  /**
   * Compiles patterns given directly (as {@code patternmatcher.New} does, e.g. for {@code COPY
   * --exclude}): each is trimmed and cleaned, blank ones are skipped.
   */
  public static IgnorePatterns of(List<String> patterns, String sourceName) {
    List<IgnorePattern> out = new ArrayList<>();
    for (String p : patterns) compile(p, sourceName, 0, out);
    return new IgnorePatterns(sourceName, out);
  }

  private static void compile(String raw, String source, int line, List<IgnorePattern> out) {
    String p = GoUnicode.trimSpace(raw);
    if (p.isEmpty()) return;
    p = GoPath.clean(p);
    boolean exclusion = p.charAt(0) == '!';
    if (exclusion) {
      if (p.length() == 1) throw new IgnorePatternException(source, line, "illegal exclusion pattern: \"!\"");
      p = p.substring(1);
    }
    if (!GlobSyntax.isValid(p)) throw new IgnorePatternException(source, line, IgnorePattern.BAD_PATTERN);
    out.add(new IgnorePattern(p, exclusion, source, line));
  }

  /** The file name given when parsing. */
  public String source() { return source; }

  /** The compiled patterns, in file order. */
  public List<IgnorePattern> patterns() { return patterns; }

  /** Whether any pattern is a {@code !} exception. */
  public boolean hasExclusions() { return hasExclusions; }

  /**
   * Matches one path given the result for its parent directory, as patternmatcher's {@code
   * MatchesUsingParentResults} does while fsutil walks the context. With {@link MatchResult#NONE}
   * the path's parent directories are matched from scratch ({@code MatchesOrParentMatches}).
   *
   * @param path slash-separated, relative to the context root, not cleaned
   * @param parent the result for the directory holding {@code path}, or {@link MatchResult#NONE}
   * @throws IgnorePatternException when a pattern that must be tried cannot be used
   * @throws IllegalArgumentException when {@code parent} came from other patterns
   */
  public MatchResult match(String path, MatchResult parent) {
    if (parent.hasParentInfo() && parent.size() != patterns.size()) {
      throw new IllegalArgumentException("wrong number of values in parentMatched");
    }
    boolean excluded = false;
    boolean[] matched = new boolean[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      IgnorePattern pattern = patterns.get(i);
      boolean match = parent.hasParentInfo() && parent.matched(i);
      if (!match) {
        // Only a pattern that could change the verdict is tried.
        if (pattern.exclusion() != excluded) continue;
        match = pattern.matches(path) || (!parent.hasParentInfo() && matchesAnAncestor(pattern, path));
      }
      matched[i] = match;
      if (match) excluded = !pattern.exclusion();
    }
    return new MatchResult(excluded, matched);
  }

  private static boolean matchesAnAncestor(IgnorePattern pattern, String path) {
    String parent = GoPath.dir(path);
    if (parent.equals(".")) return false;
    for (int end = parent.indexOf('/'); ; end = parent.indexOf('/', end + 1)) {
      if (pattern.matches(end < 0 ? parent : parent.substring(0, end))) return true;
      if (end < 0) return false;
    }
  }

  /**
   * Whether the context transfer leaves {@code relPath} out, exactly as BuildKit's walk decides:
   * each parent directory is matched in turn, and an excluded directory that fsutil would not
   * descend into excludes everything inside it.
   *
   * @param relPath a path relative to the context root; it is cleaned first
   */
  public boolean excludes(String relPath) {
    String path = GoPath.clean(relPath);
    while (path.startsWith("/")) path = path.substring(1);
    if (path.isEmpty() || path.equals(".")) return false; // the root itself is never excluded
    MatchResult result = MatchResult.NONE;
    for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      String dir = path.substring(0, slash);
      result = match(dir, result);
      if (canSkipDirectory(dir, result)) return true;
    }
    return match(path, result).excluded();
  }

  /**
   * Whether a walker may skip everything inside the excluded directory {@code dirPath}, because no
   * {@code !} pattern could re-include anything below it. Mirrors fsutil: the check is only made
   * when every exception is a literal path (possibly ending in {@code /*} or {@code /**}).
   *
   * @param dirResult the result of {@link #match} for {@code dirPath}
   */
  public boolean canSkipDirectory(String dirPath, MatchResult dirResult) {
    if (!dirResult.excluded() || !onlyLiteralExclusions) return false;
    if (!hasExclusions) return true;
    String dirSlash = dirPath + "/";
    return patterns.stream()
        .filter(IgnorePattern::exclusion)
        .noneMatch(p -> (withoutTrailingGlob(p) + "/").startsWith(dirSlash));
  }

  private static String withoutTrailingGlob(IgnorePattern p) {
    String s = p.pattern();
    if (s.endsWith("/**")) s = s.substring(0, s.length() - 3);
    if (s.endsWith("/*")) s = s.substring(0, s.length() - 2);
    return s;
  }

  private static boolean containsAny(String s, String chars) {
    return s.chars().anyMatch(c -> chars.indexOf(c) >= 0);
  }

  /** The patterns one per line, as they would appear cleaned in an ignore file. */
  @Override public String toString() {
    return patterns.stream().map(IgnorePattern::toString).collect(Collectors.joining("\n"));
  }
}
