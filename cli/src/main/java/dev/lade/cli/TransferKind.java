package dev.lade.cli;

/** Which way a transfer goes, for the words its progress is shown in (Docker's, where it has them). */
enum TransferKind {
  PULL("pulling", "Pulling", "Pull complete"),
  PUSH("pushing", "Pushing", "Pushed"),
  COPY("copying", "Copying", "Copied");

  private final String plainVerb;
  private final String ongoing;
  private final String finished;

  TransferKind(String plainVerb, String ongoing, String finished) {
    this.plainVerb = plainVerb;
    this.ongoing = ongoing;
    this.finished = finished;
  }

  /** The verb of a plain line: {@code pulling 12.3MB}. */
  String plainVerb() {
    return plainVerb;
  }

  /** What a live line says while a blob moves: {@code Pulling [===>  ]}. */
  String ongoing() {
    return ongoing;
  }

  /** What a live line says once a blob is there: {@code Pull complete}. */
  String finished() {
    return finished;
  }
}
