package dev.lade.cli;

import dev.lade.oci.image.Descriptor;
import java.io.PrintWriter;

/**
 * Per-blob progress lines, as Docker prints them without a terminal: {@code 3f4a5b6c7d8e: pulling
 * 12.3MB}, {@code 3f4a5b6c7d8e: done}, {@code already exists}, {@code mounted}.
 */
final class TransferProgress implements ProgressDisplay {
  private final PrintWriter out;
  private final TransferKind kind;

  TransferProgress(PrintWriter out, TransferKind kind) {
    this.out = out;
    this.kind = kind;
  }

  @Override
  public void blob(Descriptor blob, Event event) {
    String what = switch (event) {
      case STARTED -> kind.plainVerb() + " " + HumanUnits.size(blob.size());
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
