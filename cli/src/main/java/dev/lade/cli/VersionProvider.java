package dev.lade.cli;

import picocli.CommandLine;

/** Reports lade's version from the jar manifest, with the JVM it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "lade " + (v == null ? "dev" : v),
      "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
