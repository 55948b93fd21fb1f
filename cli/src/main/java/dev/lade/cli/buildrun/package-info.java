/**
 * The glue between the builder and the runner: {@link dev.lade.cli.buildrun.RunnerExecutor}
 * implements the builder's {@link dev.lade.buildkit.run.RunExecutor} with the runner's {@link
 * dev.lade.runner.build.StepRunner}, turning each {@code RUN --mount} into a host directory, file
 * or socket the container sees. It lives in the CLI because neither module may know the other.
 */
package dev.lade.cli.buildrun;
