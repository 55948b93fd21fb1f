package dev.lade.runner.spec;

/**
 * A resource limit set before the process starts, as in config.json's {@code process.rlimits}.
 *
 * @param type the limit's name as in setrlimit(2), e.g. {@code RLIMIT_NOFILE}
 * @param soft the soft limit
 * @param hard the hard limit
 */
public record Rlimit(String type, long soft, long hard) {

  public Rlimit {
    if (!type.startsWith("RLIMIT_")) {
      throw new IllegalArgumentException("not an rlimit name: " + type);
    }
    if (Long.compareUnsigned(soft, hard) > 0) {
      throw new IllegalArgumentException(type + ": soft limit " + soft + " above hard limit " + hard);
    }
  }
}
