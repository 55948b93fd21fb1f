package dev.lade.cli;

import dev.lade.oci.image.Descriptor;
import dev.lade.registry.transfer.TransferListener;
import java.io.PrintWriter;

/**
 * Per-blob progress lines, as Docker prints them without a terminal: {@code 3f4a5b6c7d8e: pulling
 * 12.3MB}, {@code 3f4a5b6c7d8e: done}, {@code already exists}, {@code mounted from ...}.
 */
final class TransferProgress implements TransferListener {
  private final PrintWriter out;
  private final String verb;
  private final boolean quiet;

  TransferProgress(PrintWriter out, String verb, boolean quiet) {
    this.out = out;
    this.verb = verb;
    this.quiet = quiet;
  }

  @Override
  public void blob(Descriptor blob, Event event) {
    if (quiet) return;
    String what = switch (event) {
      case STARTED -> verb + " " + HumanUnits.size(blob.size());
      case DONE -> "done";
      case EXISTS -> "already exists";
      case MOUNTED -> "mounted";
    };
    synchronized (out) {
      out.println(shortDigest(blob) + ": " + what);
      out.flush();
    }
  }

  /** The first 12 hex digits, as Docker shows layer ids. */
  static String shortDigest(Descriptor blob) {
    String hex = blob.digest().hex();
    return hex.substring(0, Math.min(12, hex.length()));
  }
}
