package dev.lade.dockerfile.lint;

/**
 * EXPOSE only declares container ports: an IP address or a host port ({@code EXPOSE
 * 127.0.0.1:80:80}, {@code EXPOSE 80:80}) warns, and will become an error.
 */
public final class ExposeInvalidFormat extends LintRule {
  static final RuleInfo INFO = RuleInfo.stable("ExposeInvalidFormat", "expose-invalid-format",
      "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error "
          + "in a future release");

  public ExposeInvalidFormat() {
    super(INFO);
  }

  @Override
  public void check(LintInput input, Findings findings) {
    ExposedPorts.each(input, (port, node) -> {
      if (port.mapsHost()) {
        findings.report(INFO, node,
            "EXPOSE instruction should not define an IP address or host-port mapping, found '" + port.raw() + "'");
      }
    });
  }
}
