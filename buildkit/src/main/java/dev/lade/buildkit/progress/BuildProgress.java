package dev.lade.buildkit.progress;

/**
 * Where a build reports its steps (BuildKit's vertices): each step starts, then is cached, done,
 * or failed. Implementations are thread-safe: stages build concurrently.
 */
public interface BuildProgress extends AutoCloseable {

  /** Starts a step shown as {@code name}, e.g. {@code [build 2/3] COPY app /app}. */
  ProgressStep start(String name);

  /** Ends the display (a live view draws its final state). */
  @Override
  default void close() {}

  /** Shows nothing ({@code --progress quiet}). */
  static BuildProgress quiet() {
    return name -> ProgressStep.NONE;
  }
}
