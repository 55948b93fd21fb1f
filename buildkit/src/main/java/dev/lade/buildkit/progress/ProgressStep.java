package dev.lade.buildkit.progress;

/** One step of a {@link BuildProgress}. Ends with exactly one of cached, done or failed. */
public interface ProgressStep {
  /** A step that reports nowhere. */
  ProgressStep NONE = new ProgressStep() {
    @Override public void log(String line) {}
    @Override public void cached() {}
    @Override public void done() {}
    @Override public void failed(String error) {}
  };

  /** A line of the step's output. */
  void log(String line);

  /** The step's result came from the cache. */
  void cached();

  /** The step finished. */
  void done();

  /** The step failed with {@code error}. */
  void failed(String error);
}
