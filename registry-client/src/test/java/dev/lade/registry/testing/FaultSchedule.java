package dev.lade.registry.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The armed rules of a {@link FaultProxy}. Every rule counts every request it matches; the first
 * rule (in arming order) whose window covers its count injects its fault.
 */
final class FaultSchedule {

  private final List<ArmedFault> armed = new ArrayList<>();

  synchronized ArmedFault arm(FaultRule rule) {
    ArmedFault fault = new ArmedFault(rule);
    armed.add(fault);
    return fault;
  }

  synchronized void clear() {
    armed.clear();
  }

  /** Decides, in arrival order, what happens to one request. */
  synchronized Optional<Fault> next(String method, String path) {
    Fault chosen = null;
    for (ArmedFault fault : armed) {
      if (fault.rule().matches(method, path)) {
        int n = fault.countMatch();
        if (chosen == null && fault.rule().appliesTo(n)) {
          fault.countInjection();
          chosen = fault.rule().fault();
        }
      }
    }
    return Optional.ofNullable(chosen);
  }
}
