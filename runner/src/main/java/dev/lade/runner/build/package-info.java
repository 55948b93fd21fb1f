/**
 * Builds' RUN steps on lade's runner: {@link dev.lade.runner.build.StepRunner} runs a {@link
 * dev.lade.runner.build.StepProcess} on a snapshot of the parent's layers, as BuildKit's executor
 * does, and returns the snapshot's changes; {@link dev.lade.runner.build.CacheMounts} keeps the
 * directories of {@code RUN --mount=type=cache} between builds.
 */
package dev.lade.runner.build;
