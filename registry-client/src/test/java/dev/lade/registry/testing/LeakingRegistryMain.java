package dev.lade.registry.testing;

/**
 * Starts a registry, prints its pid and directory, and exits without closing it: run in a child JVM
 * by {@link ShutdownReaperTest} to show the shutdown hook cleans up after careless tests.
 */
public final class LeakingRegistryMain {

  private LeakingRegistryMain() {}

  public static void main(String[] args) throws Exception {
    LocalRegistry registry = LocalRegistry.start(RegistryOptions.plainHttp());
    System.out.println(registry.pid());
    System.out.println(registry.storageDirectory().getParent());
    System.exit(0);
  }
}
