package dev.lade.cli;

/**
 * The text of one line of live progress, Docker's way: {@code 3f4a5b6c7d8e: Pulling
 * [=========>        ]  12.35MB/34.12MB  4.1MB/s}, fitted to the terminal's width (the bar
 * shrinks, then goes; a line never reaches the last column, so the terminal does not wrap it).
 */
final class ProgressRenderer {
  /** Docker's bar: 50 columns between the brackets. */
  static final int MAX_BAR = 50;

  /** Below this many columns a bar says too little to be worth its room. */
  static final int MIN_BAR = 10;

  /**
   * Room kept for {@code  12.35MB/34.12MB  999.9kB/s}, whatever the numbers now: the bar keeps its
   * width from frame to frame instead of jittering as they change.
   */
  static final int TAIL = 28;

  private final TransferKind kind;

  ProgressRenderer(TransferKind kind) {
    this.kind = kind;
  }

  /** The line for {@code blob} on a terminal {@code width} columns wide (0 or less: unlimited). */
  String line(BlobProgress blob, int width) {
    String prefix = blob.id() + ": ";
    String text = switch (blob.stage()) {
      case SENDING -> sending(blob, width <= 0 ? Integer.MAX_VALUE : width - 1 - prefix.length());
      case SENT -> kind.finished() + "  " + HumanUnits.size(blob.size()) + "  " + rate(blob);
      case EXISTS -> "Already exists";
      case MOUNTED -> "Mounted from another repository";
    };
    return fit(prefix + text, width);
  }

  private String sending(BlobProgress blob, int room) {
    String numbers = blob.bytes() > blob.size()
        ? String.format("%8s", HumanUnits.size(blob.bytes()))
        : String.format("%8s/%s", HumanUnits.size(blob.bytes()), HumanUnits.size(blob.size()));
    String tail = numbers + "  " + rate(blob);
    // "Pulling " + "[" + bar + ">" + "] " + tail
    int bar = Math.min(MAX_BAR, room - kind.ongoing().length() - 1 - 4 - TAIL);
    if (bar < MIN_BAR) return kind.ongoing() + " " + tail;
    return kind.ongoing() + " " + bar(blob, bar) + " " + tail;
  }

  /** {@code [====>    ]}: {@code width} columns of '=' and ' ' around the '>' head. */
  static String bar(BlobProgress blob, int width) {
    long total = Math.max(1, blob.size());
    int filled = (int) Math.min(width, Math.max(0, blob.bytes()) * width / total);
    return "[" + "=".repeat(filled) + ">" + " ".repeat(width - filled) + "]";
  }

  private static String rate(BlobProgress blob) {
    return HumanUnits.size(blob.bytesPerSecond()) + "/s";
  }

  private static String fit(String line, int width) {
    return width <= 0 || line.length() < width ? line : line.substring(0, width - 1);
  }
}
