package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.SourceLocation;
import dev.lade.dockerfile.shell.Expansion;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Expands the words of one instruction and collects the variables they used that were neither
 * set nor declared, as BuildKit's {@code reportUnmatchedVariables} filters them.
 */
final class WordExpander {
  /** Heredoc bodies are expanded with {@code \} as escape and quotes left alone, whatever the file's escape. */
  private static final ShellLexer RAW = new ShellLexer('\\').withSkipProcessQuotes(true);

  private final ShellLexer lexer;
  private final SourceLocation at;
  private final Map<String, UndefinedVariable> undefined = new TreeMap<>();
  private StageState state;

  WordExpander(ShellLexer lexer, SourceLocation at, StageState state) {
    this.lexer = lexer;
    this.at = at;
    this.state = state;
  }

  /** Expands the following words with {@code next} (an ARG line changes state between its declarations). */
  void moveTo(StageState next) {
    state = next;
  }

  String word(String word) {
    return note(Expansions.process(lexer, word, state.env(), at)).result();
  }

  List<String> words(String word) {
    return note(Expansions.process(lexer, word, state.env(), at)).words();
  }

  String raw(String text) {
    return note(Expansions.process(RAW, text, state.env(), at)).result();
  }

  Optional<String> word(Optional<String> word) {
    return word.map(this::word);
  }

  List<String> each(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) out.add(word(w));
    return out;
  }

  List<UndefinedVariable> undefined() {
    return List.copyOf(undefined.values());
  }

  private Expansion note(Expansion e) {
    for (String name : e.unmatched()) {
      if (state.declaredArgs().contains(name) || NonEnvArgs.contains(name)) continue;
      undefined.putIfAbsent(name, new UndefinedVariable(name, state.env()));
    }
    return e;
  }
}
