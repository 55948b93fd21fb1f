package dev.lade.registry.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** A {@link FaultRule} installed in a {@link FaultProxy}, counting what it matched and did. */
public final class ArmedFault {

  private final FaultRule rule;
  private final AtomicInteger matches = new AtomicInteger();
  private final AtomicInteger injections = new AtomicInteger();

  ArmedFault(FaultRule rule) {
    this.rule = rule;
  }

  public FaultRule rule() {
    return rule;
  }

  /** How many requests matched the rule so far. */
  public int matches() {
    return matches.get();
  }

  /** How many times the fault was injected so far. */
  public int injections() {
    return injections.get();
  }

  /** Counts a matching request, returning its number (from 1). */
  int countMatch() {
    return matches.incrementAndGet();
  }

  void countInjection() {
    injections.incrementAndGet();
  }

  @Override
  public String toString() {
    return "ArmedFault[" + rule + ", matches=" + matches + ", injections=" + injections + "]";
  }
}
