/**
 * What the builder needs from lade's runner to execute RUN: {@link dev.lade.buildkit.run.RunExecutor}
 * takes a {@link dev.lade.buildkit.run.RunRequest} (a root filesystem snapshot, the process, its
 * mounts) and returns a {@link dev.lade.buildkit.run.RunResult} (exit code, filesystem changes).
 */
package dev.lade.buildkit.run;
