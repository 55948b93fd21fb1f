package dev.lade.runner.container;

import dev.lade.runner.snapshot.ActiveSnapshot;
import dev.lade.runner.snapshot.LayerLookup;
import dev.lade.runner.snapshot.MountSpec;
import dev.lade.runner.snapshot.OverlaySnapshot;
import dev.lade.runner.snapshot.fs.Posix;
import dev.lade.runner.spec.Mount;
import dev.lade.runner.user.UserLookup;
import dev.lade.runner.user.UserResolver;
import java.util.Optional;

/**
 * An overlay snapshot that only the container's user namespace may mount (this process is not root): the
 * launcher mounts it as the container's root, and lade reads what it needs before the start from the layers.
 */
public record RootlessOverlay(OverlaySnapshot snapshot) {

  /** {@code snapshot} as one, when it is an overlay and this process cannot mount it. */
  public static Optional<RootlessOverlay> of(ActiveSnapshot snapshot) {
    return snapshot instanceof OverlaySnapshot overlay && !Posix.isRoot()
        ? Optional.of(new RootlessOverlay(overlay)) : Optional.empty();
  }

  /** The mount on {@code /} that the launcher makes ({@code RuntimeSpec.withRootMount}). */
  public Mount rootMount() {
    MountSpec overlay = snapshot.overlayMount();
    return new Mount("/", overlay.type(), overlay.source(), overlay.options());
  }

  /** The image's users, read from /etc/passwd and /etc/group as the layers show them. */
  public UserLookup users() {
    return user -> UserResolver.resolve(user,
        LayerLookup.lines(snapshot, "/etc/passwd"), LayerLookup.lines(snapshot, "/etc/group"));
  }
}
