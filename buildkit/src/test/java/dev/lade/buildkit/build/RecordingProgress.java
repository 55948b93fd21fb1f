package dev.lade.buildkit.build;

import dev.lade.buildkit.progress.BuildProgress;
import dev.lade.buildkit.progress.ProgressStep;
import java.util.ArrayList;
import java.util.List;

/** Records steps as {@code NAME -> OUTCOME} lines. */
final class RecordingProgress implements BuildProgress {
  final List<String> lines = new ArrayList<>();

  @Override
  public synchronized ProgressStep start(String name) {
    return new ProgressStep() {
      @Override public void log(String line) {}
      @Override public void cached() { record(name + " -> CACHED"); }
      @Override public void done() { record(name + " -> DONE"); }
      @Override public void failed(String error) { record(name + " -> ERROR " + error); }
    };
  }

  private synchronized void record(String line) {
    lines.add(line);
  }

  synchronized List<String> outcomes(String suffix) {
    return lines.stream().filter(l -> l.endsWith(suffix)).toList();
  }
}
