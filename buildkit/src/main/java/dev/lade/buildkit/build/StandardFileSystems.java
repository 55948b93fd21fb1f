package dev.lade.buildkit.build;

import dev.lade.buildkit.fs.FileCopier;

/** The file trees and copier lade builds with. */
public final class StandardFileSystems {
  private static final UnwiredCopy UNWIRED = new UnwiredCopy();

  private StandardFileSystems() {}

  /** Opens build contexts and root filesystems. */
  public static FileTrees trees() {
    return UNWIRED;
  }

  /** Carries out COPY and ADD with Docker's rules. */
  public static FileCopier copier() {
    return UNWIRED;
  }
}
