package dev.lade.oci.store;

/** A held lock or claim, released by {@link #close()}. */
public interface Lease extends AutoCloseable {
  @Override
  void close();
}
