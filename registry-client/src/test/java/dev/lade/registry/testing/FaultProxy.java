package dev.lade.registry.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on loopback in front of a plain-HTTP registry that injects {@link Fault}s by a
 * deterministic schedule of {@link FaultRule}s and otherwise forwards faithfully: the same bytes
 * both ways (the {@code Host} header too, so the registry's {@code Location} URLs point back at the
 * proxy), keep-alive connections, chunked and large bodies streamed through a fixed buffer.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.inFrontOf(registry)) {
 *   ArmedFault fault = proxy.inject(FaultRule.on("GET", "/v2/.*", Fault.status(500)));
 *   ... use proxy.url() ...
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress upstream;
  private final FaultSchedule schedule = new FaultSchedule();
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger forwarded = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();

  private FaultProxy(ServerSocket server, InetSocketAddress upstream) {
    this.server = server;
    this.upstream = upstream;
  }

  /** Starts a proxy to the plain-HTTP server at {@code upstream}. */
  public static FaultProxy start(InetSocketAddress upstream) throws IOException {
    FaultProxy proxy =
        new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), upstream);
    Thread.ofVirtual().name("fault-proxy-accept-", proxy.port()).start(proxy::accept);
    return proxy;
  }

  /** Starts a proxy in front of a plain-HTTP {@code registry}. */
  public static FaultProxy inFrontOf(LocalRegistry registry) throws IOException {
    if (registry.options().tls()) {
      throw new IllegalArgumentException("FaultProxy forwards plain HTTP only: " + registry);
    }
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), registry.port()));
  }

  /** Arms a rule; rules armed earlier win when several would inject into the same request. */
  public ArmedFault inject(FaultRule rule) {
    return schedule.arm(rule);
  }

  /** Disarms every rule: from now on everything is forwarded. */
  public void clearFaults() {
    schedule.clear();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:PORT}, as in image references. */
  public String host() {
    return "127.0.0.1:" + port();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create("http://" + host());
  }

  /** Client connections accepted so far. */
  public int connectionCount() {
    return connections.get();
  }

  /** Requests forwarded untouched so far. */
  public int forwardedCount() {
    return forwarded.get();
  }

  /** Faults injected so far, of all rules. */
  public int injectedCount() {
    return injected.get();
  }

  FaultSchedule schedule() {
    return schedule;
  }

  void countForwarded() {
    forwarded.incrementAndGet();
  }

  void countInjected() {
    injected.incrementAndGet();
  }

  void forget(Socket client) {
    clients.remove(client);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        clients.add(client);
        connections.incrementAndGet();
        Thread.ofVirtual().start(new ProxyConnection(client, upstream, this));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Stops accepting and drops every open connection. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket client : List.copyOf(clients)) {
      try {
        client.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + url() + " -> " + upstream + "]";
  }
}
