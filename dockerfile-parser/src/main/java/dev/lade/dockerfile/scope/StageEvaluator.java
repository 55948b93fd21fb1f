package dev.lade.dockerfile.scope;

import dev.lade.dockerfile.ast.Arg;
import dev.lade.dockerfile.ast.ArgDeclaration;
import dev.lade.dockerfile.ast.Env;
import dev.lade.dockerfile.ast.Instruction;
import dev.lade.dockerfile.ast.KeyValue;
import dev.lade.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a stage's instructions in order, as BuildKit's dispatcher does, and yields each one with
 * its words expanded and the variables in effect.
 *
 * <p>Scoping rules, from BuildKit's {@code dockerfile2llb}:
 * <ul>
 *   <li>{@code ARG NAME=default} takes the {@code --build-arg} value if given, else the default
 *       expanded with the stage's variables so far (an earlier declaration of the same line
 *       included).
 *   <li>{@code ARG NAME} without a default and without a build argument re-imports the global
 *       value (a meta ARG, or an automatic platform argument such as {@code TARGETPLATFORM});
 *       with neither, the name is declared but unset.
 *   <li>ENV and ARG values go into one environment, a later one replacing an earlier one: an ENV
 *       after an ARG of the same name overrides it.
 *   <li>All pairs of one ENV line are expanded with the variables from before the line.
 * </ul>
 *
 * <p>An evaluator is used by one thread; {@link #state()} and the records it returns are immutable.
 */
public final class StageEvaluator {
  private final GlobalScope globals;
  private final BuildArgs buildArgs;
  private final ShellLexer lexer;
  private StageState state;

  /**
   * @param start the state the stage begins with: {@link StageState#ofImage} for an image or
   *     {@code scratch}, or the final state of the stage named in FROM
   * @param globals the evaluated global scope, for {@code ARG NAME} re-imports
   * @param buildArgs the {@code --build-arg} values
   * @param lexer the expander, with the Dockerfile's escape character
   */
  public StageEvaluator(StageState start, GlobalScope globals, BuildArgs buildArgs, ShellLexer lexer) {
    this.state = start;
    this.globals = globals;
    this.buildArgs = buildArgs;
    this.lexer = lexer;
  }

  /**
   * Evaluates the stage's next instruction and moves past it.
   *
   * @throws dev.lade.dockerfile.parser.DockerfileParseException when a word cannot be expanded,
   *     e.g. {@code ${X:?X is required}} with X unset; located at the instruction
   */
  public EvaluatedInstruction evaluate(Instruction instruction) {
    StageState before = state;
    WordExpander x = new WordExpander(lexer, instruction.location(), before);
    // instanceof, not a pattern switch, which spins a class at its first use (bench/RESULTS.md: no-op rebuilds).
    Instruction expanded = instruction instanceof Env e ? env(e, x)
        : instruction instanceof Arg a ? arg(a, x)
        : InstructionExpander.expand(instruction, x);
    return new EvaluatedInstruction(instruction, expanded, before, state, x.undefined());
  }

  /** The state after the instructions evaluated so far. */
  public StageState state() {
    return state;
  }

  private Env env(Env e, WordExpander x) {
    List<KeyValue> pairs = InstructionExpander.pairs(e.variables(), x);
    for (KeyValue kv : pairs) state = state.withEnv(kv.key(), kv.value());
    return new Env(pairs, e.legacyForm(), e.location(), e.original());
  }

  private Arg arg(Arg a, WordExpander x) {
    List<ArgDeclaration> resolved = new ArrayList<>();
    for (ArgDeclaration d : a.declarations()) {
      x.moveTo(state);
      Optional<String> value = resolve(d, x);
      state = state.withArg(d.name(), value);
      resolved.add(new ArgDeclaration(d.name(), value));
    }
    return new Arg(resolved, a.location(), a.original());
  }

  private Optional<String> resolve(ArgDeclaration d, WordExpander x) {
    Optional<String> given = buildArgs.value(d.name());
    if (given.isPresent()) return given;
    if (d.defaultValue().isPresent()) return Optional.of(x.word(d.defaultValue().get()));
    return globals.values().get(d.name());
  }
}
