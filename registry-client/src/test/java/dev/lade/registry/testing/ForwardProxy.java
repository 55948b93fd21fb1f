package dev.lade.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP forward proxy on loopback, the kind {@code HTTP_PROXY} and {@code HTTPS_PROXY} name: it
 * tunnels {@code CONNECT host:port} and forwards absolute-form requests ({@code GET
 * http://host:port/...}), both as raw bytes (Go's server takes absolute-form request lines). The
 * one host it knows is {@link #NAME}, a name no resolver answers (RFC 2606 reserves {@code .test}),
 * which it maps to loopback: only a client that goes through the proxy reaches a registry by it.
 */
public final class ForwardProxy implements AutoCloseable {
  /** The host name only this proxy resolves; the test CA's server certificates carry it too. */
  public static final String NAME = TestCertificateAuthority.PROXIED_NAME;

  private final ServerSocket server;
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private ForwardProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("forward-proxy").start(this::accept);
  }

  /** Starts a proxy on a free loopback port. */
  public static ForwardProxy start() throws IOException {
    return new ForwardProxy();
  }

  /** The proxy's URL, for {@code HTTP_PROXY} and {@code HTTPS_PROXY}. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /**
   * What clients asked to reach, in order: {@code CONNECT host:port} for tunnels, {@code METHOD
   * URL} for forwarded requests (the first of each connection).
   */
  public List<String> targets() {
    return List.copyOf(targets);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) socket.close();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      boolean tunnel = requestLine[0].equals("CONNECT");
      String authority = tunnel ? requestLine[1] : URI.create(requestLine[1]).getRawAuthority();
      targets.add(requestLine[0] + " " + requestLine[1]);
      int colon = authority.lastIndexOf(':');
      if (!authority.substring(0, colon).equals(NAME)) {
        client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(authority.substring(colon + 1)))) {
        open.add(upstream);
        if (tunnel) {
          client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
          upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
        }
        Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
        pipe(client, upstream);
        back.join();
      } finally {
        open.removeIf(Socket::isClosed);
      }
    } catch (IOException | RuntimeException gone) {
      // The client sees its connection end.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(client);
    }
  }

  /** The request line and headers up to the blank line, byte for byte. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) throw new IOException("connection closed in the request head");
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException gone) {
      try {
        to.close();
      } catch (IOException ignored) {
        // Already closing.
      }
    }
  }
}
