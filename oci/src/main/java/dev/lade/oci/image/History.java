package dev.lade.oci.image;

import dev.lade.oci.json.GoTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an image's history. Absent strings are empty.
 *
 * @param created when the step ran, as RFC 3339 text (kept as written)
 * @param createdBy the command of the step
 * @param author who made the step
 * @param comment a comment, such as {@code buildkit.dockerfile.v0}
 * @param emptyLayer true if the step made no layer
 */
public record History(
    String created, String createdBy, String author, String comment, boolean emptyLayer) {
  public History {
    created = Objects.requireNonNullElse(created, "");
    createdBy = Objects.requireNonNullElse(createdBy, "");
    author = Objects.requireNonNullElse(author, "");
    comment = Objects.requireNonNullElse(comment, "");
  }

  /** A step created at {@code created} by {@code createdBy}. */
  public static History of(Instant created, String createdBy, String comment, boolean emptyLayer) {
    return new History(GoTime.format(created), createdBy, "", comment, emptyLayer);
  }

  /** {@link #created()} parsed, if present. */
  public Optional<Instant> createdTime() {
    return created.isEmpty() ? Optional.empty() : Optional.of(GoTime.parse(created));
  }
}
