package dev.lade.runner.snapshot.fs;

import java.util.List;
import java.util.Optional;

/** The uid and gid maps between a container's ids and the host's; empty maps mean identity. */
public record IdMapping(List<IdRange> uids, List<IdRange> gids) {
  public IdMapping {
    uids = List.copyOf(uids);
    gids = List.copyOf(gids);
  }

  /** No user namespace: ids are the same inside and out. */
  public static IdMapping identity() {
    return new IdMapping(List.of(), List.of());
  }

  /** A rootless namespace with the single mapping of container root to {@code uid}/{@code gid}. */
  public static IdMapping single(long uid, long gid) {
    return new IdMapping(List.of(new IdRange(0, uid, 1)), List.of(new IdRange(0, gid, 1)));
  }

  public boolean isIdentity() {
    return uids.isEmpty() && gids.isEmpty();
  }

  /** The host uid of container uid {@code id}, if mapped. */
  public Optional<Long> hostUid(long id) {
    return toHost(uids, id);
  }

  /** The host gid of container gid {@code id}, if mapped. */
  public Optional<Long> hostGid(long id) {
    return toHost(gids, id);
  }

  /** The container uid of host uid {@code id}, if mapped. */
  public Optional<Long> containerUid(long id) {
    return toContainer(uids, id);
  }

  /** The container gid of host gid {@code id}, if mapped. */
  public Optional<Long> containerGid(long id) {
    return toContainer(gids, id);
  }

  private static Optional<Long> toHost(List<IdRange> ranges, long id) {
    if (ranges.isEmpty()) return Optional.of(id);
    for (IdRange r : ranges) if (r.containsContainerId(id)) return Optional.of(r.hostId() + id - r.containerId());
    return Optional.empty();
  }

  private static Optional<Long> toContainer(List<IdRange> ranges, long id) {
    if (ranges.isEmpty()) return Optional.of(id);
    for (IdRange r : ranges) if (r.containsHostId(id)) return Optional.of(r.containerId() + id - r.hostId());
    return Optional.empty();
  }
}
