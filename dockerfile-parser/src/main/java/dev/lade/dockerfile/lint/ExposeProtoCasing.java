package dev.lade.dockerfile.lint;

import java.util.Locale;

/** The protocol of an EXPOSE port should be lower case: {@code EXPOSE 80/TcP} warns. */
public final class ExposeProtoCasing extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("ExposeProtoCasing", "expose-proto-casing",
      "Protocol in EXPOSE instruction should be lowercase");

  public ExposeProtoCasing() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    ExposedPorts.each(input, (port, node) -> {
      if (!port.protocol().equals(port.protocol().toLowerCase(Locale.ROOT))) {
        findings.report(INFO, node, "Defined protocol '" + port.raw() + "' in EXPOSE instruction should be lowercase");
      }
    });
  }
}
