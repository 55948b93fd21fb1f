/**
 * Deterministic fuzz and robustness tests for the Dockerfile front end: the raw parser, its dump,
 * the typed AST conversion and the shell word expander. Mutated corpus inputs and adversarial
 * shapes may only ever fail with the typed errors ({@code DockerfileParseException},
 * {@code ShellExpansionException}), never overflow the stack, run out of memory, hang, or take
 * more than linear time.
 *
 * <p>Every run uses a fixed base seed (override with {@code -Dlade.fuzz.seed=N}); a failure
 * prints the seed of the failing case and the input, so it reproduces. {@code
 * -Dlade.fuzz.scale=N} multiplies the iteration counts for a longer local run.
 */
package dev.lade.dockerfile.fuzz;
