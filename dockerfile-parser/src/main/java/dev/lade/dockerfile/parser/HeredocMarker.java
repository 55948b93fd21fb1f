package dev.lade.dockerfile.parser;

import java.util.Optional;

/** Recognises a word that opens a heredoc, e.g. {@code <<EOF}, {@code <<-"EOF"} or {@code 3<<EOF}. */
public final class HeredocMarker {
  private HeredocMarker() {}

  /**
   * BuildKit's {@code MustParseHeredoc}: the heredoc {@code word} opens (with an empty body), or
   * empty when the word is not a heredoc marker.
   */
  public static Optional<Heredoc> parse(String word) {
    try {
      return Optional.ofNullable(HeredocDetector.parseWord(word));
    } catch (ParseFailure e) {
      return Optional.empty();
    }
  }
}
