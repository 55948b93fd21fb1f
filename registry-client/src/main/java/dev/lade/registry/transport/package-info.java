/**
 * How registries are reached: endpoints (HTTPS, plain HTTP only for loopback and insecure
 * registries), TLS from Docker's {@code certs.d}, proxies from the environment, retry policy, and a
 * google-http-client transport on {@code HttpURLConnection} (with the JDK's {@code HttpClient} for {@code PATCH}).
 */
package dev.lade.registry.transport;
