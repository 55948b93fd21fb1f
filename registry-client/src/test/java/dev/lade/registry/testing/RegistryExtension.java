package dev.lade.registry.testing;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link LocalRegistry} for a test class ({@code static} field) or for each test (instance
 * field):
 *
 * <pre>
 * {@code @RegisterExtension static RegistryExtension registry = RegistryExtension.plainHttp();}
 * </pre>
 *
 * <p>When a test fails, the tail of the registry's log goes to standard error.
 */
public final class RegistryExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  private static final int LOG_LINES_ON_FAILURE = 40;

  private final RegistryOptions options;
  private LocalRegistry registry;

  /** How many (outer and nested) test classes are running with the per-class registry. */
  private int classDepth;

  private RegistryExtension(RegistryOptions options) {
    this.options = options;
  }

  public static RegistryExtension of(RegistryOptions options) {
    return new RegistryExtension(options);
  }

  public static RegistryExtension plainHttp() {
    return of(RegistryOptions.plainHttp());
  }

  public static RegistryExtension tlsBasicAuth() {
    return of(RegistryOptions.tlsBasicAuth());
  }

  public static RegistryExtension tlsToken(TokenPolicy policy) {
    return of(RegistryOptions.tlsToken(policy));
  }

  /** The running registry. */
  public LocalRegistry registry() {
    if (registry == null) {
      throw new IllegalStateException("registry not started: is the extension registered?");
    }
    return registry;
  }

  public String host() {
    return registry().host();
  }

  public URI url() {
    return registry().url();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (classDepth++ == 0) {
      registry = LocalRegistry.start(options);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (registry == null) {
      registry = LocalRegistry.start(options);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (registry != null && context.getExecutionException().isPresent()) {
      System.err.printf(
          "%s failed; %s log:%n%s%n",
          context.getDisplayName(), registry, registry.logTail(LOG_LINES_ON_FAILURE));
    }
    if (classDepth == 0) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (--classDepth == 0) {
      stop();
    }
  }

  private void stop() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }
}
