package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.SourceLocation;
import dev.lade.dockerfile.parser.DockerfileParseException;
import dev.lade.dockerfile.shell.Env;
import dev.lade.dockerfile.shell.Expansion;
import dev.lade.dockerfile.shell.ShellExpansionException;
import dev.lade.dockerfile.shell.ShellLexer;

/** Runs the lexer and turns its failures into errors located at the instruction. */
final class Expansions {
  private Expansions() {}

  static Expansion process(ShellLexer lexer, String word, Env env, SourceLocation at) {
    try {
      return lexer.process(word, env);
    } catch (ShellExpansionException e) {
      throw located(e.getMessage(), at);
    }
  }

  static DockerfileParseException located(String reason, SourceLocation at) {
    return new DockerfileParseException(reason, at.startLine(), 0);
  }
}
