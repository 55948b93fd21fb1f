/**
 * How registries are reached: endpoints (HTTPS, plain HTTP only for loopback and insecure
 * registries), TLS from Docker's {@code certs.d}, proxies from the environment, retry policy, and a
 * {@link dev.lade.registry.transport.Transport} on {@code HttpURLConnection} (with the JDK's {@code HttpClient} for
 * {@code PATCH}), behind google-http-client's low-level request and response types.
 */
package dev.lade.registry.transport;
