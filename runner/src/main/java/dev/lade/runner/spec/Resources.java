package dev.lade.runner.spec;

/**
 * Cgroup limits of a container; zero means "no limit" for every field.
 *
 * @param memoryBytes memory limit ({@code --memory})
 * @param memorySwapBytes memory plus swap limit; Docker's default is twice {@code memoryBytes}
 * @param cpuQuotaMicros CPU time allowed per period ({@code --cpus} times the period)
 * @param cpuPeriodMicros the CFS period the quota applies to
 * @param cpuShares relative CPU weight ({@code --cpu-shares}, 1024 being the default)
 * @param pidsLimit most tasks at once ({@code --pids-limit})
 */
public record Resources(long memoryBytes, long memorySwapBytes, long cpuQuotaMicros, long cpuPeriodMicros,
    long cpuShares, long pidsLimit) {

  /** No limits at all. */
  public static final Resources NONE = new Resources(0, 0, 0, 0, 0, 0);

  /** Docker's CFS period for {@code --cpus}: 100ms. */
  public static final long DEFAULT_CPU_PERIOD_MICROS = 100_000;

  public Resources {
    if (memoryBytes < 0 || memorySwapBytes < 0 || cpuQuotaMicros < 0 || cpuPeriodMicros < 0 || cpuShares < 0
        || pidsLimit < 0) {
      throw new IllegalArgumentException("negative resource limit");
    }
  }

  /** With a memory limit and, as Docker without {@code --memory-swap}, as much swap again. */
  public Resources withMemory(long bytes) {
    return new Resources(bytes, bytes * 2, cpuQuotaMicros, cpuPeriodMicros, cpuShares, pidsLimit);
  }

  /** With a CPU quota of {@code cpus} CPUs over Docker's 100ms period. */
  public Resources withCpus(double cpus) {
    if (!(cpus > 0)) {
      throw new IllegalArgumentException("cpus must be positive: " + cpus);
    }
    long quota = Math.round(cpus * DEFAULT_CPU_PERIOD_MICROS);
    return new Resources(memoryBytes, memorySwapBytes, quota, DEFAULT_CPU_PERIOD_MICROS, cpuShares, pidsLimit);
  }

  /** With a relative CPU weight. */
  public Resources withCpuShares(long shares) {
    return new Resources(memoryBytes, memorySwapBytes, cpuQuotaMicros, cpuPeriodMicros, shares, pidsLimit);
  }

  /** With a limit on the number of tasks; zero or less means none, as Docker. */
  public Resources withPidsLimit(long limit) {
    return new Resources(memoryBytes, memorySwapBytes, cpuQuotaMicros, cpuPeriodMicros, cpuShares,
        Math.max(limit, 0));
  }

  /** Whether any limit is set. */
  public boolean isLimited() {
    return !equals(NONE);
  }
}
