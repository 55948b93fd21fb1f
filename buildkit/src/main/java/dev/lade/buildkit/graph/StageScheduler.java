package dev.lade.buildkit.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds the stages a target needs, each as soon as the stages it depends on are done, on virtual
 * threads: independent stages run at the same time.
 */
public final class StageScheduler {
  private StageScheduler() {}

  /** Builds one stage, given the results of the stages it depends on. */
  @FunctionalInterface
  public interface StageTask<T> {
    T build(StageNode node, Map<Integer, T> dependencies) throws Exception;
  }

  /**
   * Runs {@code task} for every stage of {@code graph.needed()} and returns the results by stage
   * index. The first failure to complete is thrown as the task threw it; stages that depend on
   * a failed one are not started.
   */
  public static <T> Map<Integer, T> run(StageGraph graph, StageTask<T> task) throws Exception {
    List<StageNode> needed = graph.needed();
    if (needed.size() == 1) {
      // Nothing to overlap: no threads to start.
      return Map.of(needed.get(0).index(), task.build(needed.get(0), Map.of()));
    }
    Map<Integer, CompletableFuture<T>> futures = new HashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (StageNode node : needed) {
        CompletableFuture<?>[] deps = node.dependencies().stream().map(futures::get).toArray(CompletableFuture[]::new);
        CompletableFuture<T> future = CompletableFuture.allOf(deps).thenApplyAsync(ignored -> {
          Map<Integer, T> results = new HashMap<>();
          for (int d : node.dependencies()) results.put(d, futures.get(d).join());
          try {
            return task.build(node, results);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        }, threads);
        futures.put(node.index(), future);
      }
      CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      throw unwrap(e);
    }
    Map<Integer, T> results = new HashMap<>();
    futures.forEach((i, f) -> results.put(i, f.join()));
    return results;
  }

  private static Exception unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof Error error) throw error;
    return (Exception) cause;
  }
}
