package dev.lade.registry.testing;

import dev.lade.registry.testing.CutOffOutputStream.CutOff;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One client connection of a {@link FaultProxy}: reads requests one after another (keep-alive),
 * forwards each over its own upstream connection or injects the scheduled fault.
 */
final class ProxyConnection implements Runnable {

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Socket client;
  private final InetSocketAddress upstreamAddress;
  private final FaultProxy proxy;
  private Socket upstream;
  private InputStream upstreamIn;
  private OutputStream upstreamOut;

  ProxyConnection(Socket client, InetSocketAddress upstreamAddress, FaultProxy proxy) {
    this.client = client;
    this.upstreamAddress = upstreamAddress;
    this.proxy = proxy;
  }

  @Override
  public void run() {
    try {
      serve();
    } catch (CutOff injected) {
      reset();
    } catch (IOException clientOrUpstreamGone) {
      // Nothing to tell anyone: the client sees the connection end.
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      proxy.forget(client);
    }
  }

  private void serve() throws IOException {
    InputStream in = new BufferedInputStream(client.getInputStream(), BodyFraming.BUFFER);
    OutputStream out = new BufferedOutputStream(client.getOutputStream(), BodyFraming.BUFFER);
    boolean open = true;
    while (open) {
      Optional<HttpHead> head = HttpHead.read(in);
      if (head.isEmpty()) {
        return;
      }
      HttpHead request = head.get();
      if (request.hasToken("Expect", "100-continue")) {
        // Answer the expectation here so forwarding never waits on the upstream's interim reply.
        out.write(CONTINUE);
        out.flush();
        request = request.without("Expect");
      }
      open = handle(request, in, out);
    }
  }

  /** Handles one request; returns whether the client connection stays open. */
  private boolean handle(HttpHead request, InputStream in, OutputStream out) throws IOException {
    Optional<Fault> fault = proxy.schedule().next(request.method(), request.path());
    if (fault.isEmpty()) {
      proxy.countForwarded();
      return forward(request, in, out, out);
    }
    proxy.countInjected();
    return switch (fault.get()) {
      case Fault.Respond respond -> {
        request.requestFraming().copy(in, OutputStream.nullOutputStream());
        respond(respond, out);
        yield !request.hasToken("Connection", "close");
      }
      case Fault.Stall stall -> {
        sleep(stall);
        yield forward(request, in, out, out);
      }
      case Fault.ResetRequestBody reset -> {
        connectUpstream();
        upstreamOut.write(request.bytes());
        request.requestFraming().copy(in, new CutOffOutputStream(upstreamOut, reset.afterBytes()));
        throw new CutOff(reset.afterBytes()); // the body was shorter than the limit
      }
      case Fault.ResetResponseBody reset -> {
        forward(request, in, out, new CutOffOutputStream(out, reset.afterBytes()));
        throw new CutOff(reset.afterBytes()); // the body was shorter than the limit
      }
    };
  }

  /**
   * Sends the request upstream and relays the response: head to {@code out}, body to {@code
   * bodyOut}. Returns whether both connections may carry another request.
   */
  private boolean forward(HttpHead request, InputStream in, OutputStream out, OutputStream bodyOut)
      throws IOException {
    connectUpstream();
    upstreamOut.write(request.bytes());
    request.requestFraming().copy(in, upstreamOut);
    upstreamOut.flush();
    HttpHead response = readFinalResponse(out);
    out.write(response.bytes());
    BodyFraming framing = response.responseFraming(request.method());
    framing.copy(upstreamIn, bodyOut);
    out.flush();
    boolean reusable =
        !(framing instanceof BodyFraming.UntilClose) && !response.hasToken("Connection", "close");
    if (!reusable) {
      closeUpstream();
    }
    return reusable && !request.hasToken("Connection", "close");
  }

  /** Reads the upstream's response, relaying interim (1xx) ones to the client. */
  private HttpHead readFinalResponse(OutputStream out) throws IOException {
    while (true) {
      HttpHead response =
          HttpHead.read(upstreamIn)
              .orElseThrow(() -> new IOException("upstream closed before responding"));
      if (response.status() / 100 != 1 || response.status() == 101) {
        return response;
      }
      out.write(response.bytes());
    }
  }

  private static void respond(Fault.Respond respond, OutputStream out) throws IOException {
    byte[] body = respond.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder head =
        new StringBuilder("HTTP/1.1 ").append(respond.status()).append(" Injected\r\n");
    for (Map.Entry<String, String> header : respond.headers().entrySet()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private void connectUpstream() throws IOException {
    if (upstream == null) {
      upstream = new Socket(upstreamAddress.getAddress(), upstreamAddress.getPort());
      upstream.setTcpNoDelay(true);
      upstreamIn = new BufferedInputStream(upstream.getInputStream(), BodyFraming.BUFFER);
      upstreamOut = new BufferedOutputStream(upstream.getOutputStream(), BodyFraming.BUFFER);
    }
  }

  private void closeUpstream() {
    closeQuietly(upstream);
    upstream = null;
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Resets the client connection: SO_LINGER 0 makes close send RST instead of FIN. */
  private void reset() {
    try {
      client.setSoLinger(true, 0);
      client.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  private static void sleep(Fault.Stall stall) {
    try {
      Thread.sleep(stall.delay());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
