package dev.lade.registry.auth;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The package's one JSON mapper, made on first use: a registry command that reads no Docker config file, no token
 * and no credential helper's answer never starts Jackson.
 */
final class AuthJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private AuthJson() {}
}
