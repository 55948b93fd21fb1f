/**
 * Registry authentication: {@code WWW-Authenticate} challenges, Docker's token flow and OAuth2
 * ({@link dev.lade.registry.auth.Authenticator}), HTTP Basic, and credentials from Docker's {@code
 * config.json} and credential helpers ({@link dev.lade.registry.auth.DockerConfig}). Secrets never
 * appear in messages or {@code toString}.
 */
package dev.lade.registry.auth;
