package dev.lade.registry;

import dev.lade.registry.auth.Scope;
import dev.lade.registry.transport.RequestBody;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One registry request as the client means it, before authorization, retries and redirects.
 *
 * @param method the HTTP method
 * @param target a path and query ({@code /v2/...}) or, for upload locations, an absolute URL
 * @param headers headers besides {@code Authorization}
 * @param body opens the request body afresh for every attempt; null for none
 * @param scopes the token scopes the request needs
 * @param operation what is being done, for messages ({@code pull manifest lade/x:1})
 * @param idempotent whether it may be sent again after a failure
 */
record Call(
    String method,
    String target,
    Map<String, String> headers,
    Body body,
    List<Scope> scopes,
    String operation,
    boolean idempotent) {

  /** Opens a request body; called once per attempt. */
  @FunctionalInterface
  interface Body {
    RequestBody open() throws IOException;
  }

  Call {
    headers = Map.copyOf(headers);
    scopes = List.copyOf(scopes);
  }

  static Call get(String target, List<Scope> scopes, String operation) {
    return new Call("GET", target, Map.of(), null, scopes, operation, true);
  }

  static Call head(String target, List<Scope> scopes, String operation) {
    return new Call("HEAD", target, Map.of(), null, scopes, operation, true);
  }

  Call withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Call(method, target, more, body, scopes, operation, idempotent);
  }

  Call withBody(Body newBody) {
    return new Call(method, target, headers, newBody, scopes, operation, idempotent);
  }

  Call withMethod(String newMethod, boolean isIdempotent) {
    return new Call(newMethod, target, headers, body, scopes, operation, isIdempotent);
  }
}
