/**
 * Variable scoping of a Dockerfile build, as BuildKit's {@code dockerfile2llb} does it.
 *
 * <p>Typical use, for a builder or a linter:
 *
 * <pre>{@code
 * ParseResult parsed = Parser.parse(bytes);
 * Dockerfile dockerfile = Dockerfile.from(parsed, bytes);
 * ScopeOptions options = ScopeOptions.defaults().withBuildArgs(BuildArgs.parse(List.of("VERSION=1.2")));
 * DockerfileEvaluation evaluation =
 *     DockerfileEvaluation.evaluate(dockerfile, parsed.escapeToken(), options, BaseImageConfig.unknown());
 * for (StageEvaluation stage : evaluation.stagesOrThrow()) {
 *   stage.from().base();                      // FROM's image, expanded with the global scope
 *   for (EvaluatedInstruction i : stage.instructions()) {
 *     i.expanded();                           // the instruction with its words expanded
 *     i.before().env();                       // the variables it was expanded with
 *   }
 * }
 * }</pre>
 *
 * <p>A builder that resolves base images itself evaluates step by step instead:
 * {@link dev.lade.dockerfile.scope.GlobalScope#evaluate}, then for each stage
 * {@link dev.lade.dockerfile.scope.FromEvaluation#evaluate}, a
 * {@link dev.lade.dockerfile.scope.StageEvaluator} started from
 * {@link dev.lade.dockerfile.scope.StageState#ofImage} (the pulled image's {@code Env}) or from
 * the final {@link dev.lade.dockerfile.scope.StageEvaluator#state()} of the stage named in FROM,
 * and {@link dev.lade.dockerfile.scope.StageEvaluator#evaluate} per instruction.
 *
 * <p>Not handled here: ONBUILD triggers of a base (they run in the child, from the image config)
 * and the proxy build arguments ({@code HTTP_PROXY}...) that reach RUN without a declaration.
 */
package dev.lade.dockerfile.scope;
