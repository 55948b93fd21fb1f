package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.ArgDeclaration;
import dev.lade.dockerfile.ast.SourceLocation;
import dev.lade.dockerfile.shell.Expansion;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The global scope of a build: the automatic platform arguments plus the ARGs before the first
 * FROM (the meta arguments), evaluated as BuildKit's {@code buildMetaArgs} does.
 *
 * <p>A meta ARG takes its {@code --build-arg} value if one is given, else its default expanded
 * with the global scope so far (so a default can use an earlier ARG), else it stays unset. FROM
 * lines are expanded with these values only; a stage sees a global value only after
 * re-importing it with {@code ARG NAME}.
 *
 * @param values the variables FROM lines see, in order
 * @param declared the names declared by meta ARGs, in order, with or without a value
 */
public record GlobalScope(VariableScope values, List<String> declared) {
  public GlobalScope {
    declared = List.copyOf(declared);
  }

  /**
   * Evaluates the meta ARGs.
   *
   * @param metaArgs the ARG instructions before the first FROM
   * @param automatic the automatic platform arguments ({@link AutomaticArgs})
   * @param buildArgs the {@code --build-arg} values
   * @param lexer the expander, with the Dockerfile's escape character
   * @throws dev.lade.dockerfile.parser.DockerfileParseException when a default cannot be
   *     expanded, e.g. {@code ${X:?X is required}}; located at the ARG
   */
  public static GlobalScope evaluate(List<Arg> metaArgs, VariableScope automatic, BuildArgs buildArgs, ShellLexer lexer) {
    VariableScope values = automatic;
    List<String> declared = new ArrayList<>();
    for (Arg arg : metaArgs) {
      for (ArgDeclaration d : arg.declarations()) {
        Optional<String> value = buildArgs.value(d.name());
        if (value.isEmpty() && d.defaultValue().isPresent()) {
          value = Optional.of(Expansions.process(lexer, d.defaultValue().get(), values, arg.location()).result());
        }
        if (value.isPresent()) values = values.with(d.name(), value.get());
        declared.add(d.name());
      }
    }
    return new GlobalScope(values, declared);
  }

  /**
   * The names a FROM may use without an UndefinedArgInFrom warning: every declared meta ARG and
   * every variable with a value.
   */
  public Set<String> knownNames() {
    Set<String> names = new LinkedHashSet<>(declared);
    names.addAll(values.names());
    return names;
  }

  /** Expands a FROM word (base image or platform) with the global values. */
  Expansion expand(ShellLexer lexer, String word, SourceLocation at) {
    return Expansions.process(lexer, word, values, at);
  }
}
