package dev.lade.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper, {@code docker-credential-NAME} on the search path, spoken to by its
 * protocol (docker/docker-credential-helpers): {@code get} and {@code erase} read the server URL
 * on stdin, {@code store} reads {@code {"ServerURL","Username","Secret"}}.
 */
public final class CredentialHelper {
  /** The user name with which helpers mark an identity token rather than a password. */
  static final String IDENTITY_TOKEN_USER = "<token>";
  private static final long TIMEOUT_SECONDS = 60;

  private final String name;
  private final List<Path> searchPath;

  /**
   * @param name the helper's name, such as {@code pass} for {@code docker-credential-pass}
   * @param searchPath where to look for it (the directories of {@code PATH})
   */
  public CredentialHelper(String name, List<Path> searchPath) {
    if (!name.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("invalid credential helper name: " + name);
    this.name = name;
    this.searchPath = List.copyOf(searchPath);
  }

  /** The credential stored for {@code serverUrl}, empty when the helper has none. */
  public Optional<Credential> get(String serverUrl) throws IOException {
    Result result = run("get", serverUrl.getBytes(StandardCharsets.UTF_8));
    if (result.exitCode != 0) {
      if (result.output.contains("credentials not found")) return Optional.empty();
      throw failure("get", result);
    }
    JsonNode answer = AuthJson.MAPPER.readTree(result.output);
    String username = answer.path("Username").asText("");
    String secret = answer.path("Secret").asText("");
    if (secret.isEmpty()) return Optional.empty();
    if (username.equals(IDENTITY_TOKEN_USER) || username.isEmpty()) {
      return Optional.of(new Credential.IdentityToken("", secret));
    }
    return Optional.of(new Credential.UsernamePassword(username, secret));
  }

  /** Stores {@code username} and {@code secret} for {@code serverUrl}. */
  public void store(String serverUrl, String username, String secret) throws IOException {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("ServerURL", serverUrl);
    entry.put("Username", username);
    entry.put("Secret", secret);
    Result result = run("store", AuthJson.MAPPER.writeValueAsBytes(entry));
    if (result.exitCode != 0) throw failure("store", result);
  }

  /** Forgets the credential for {@code serverUrl}. */
  public void erase(String serverUrl) throws IOException {
    Result result = run("erase", serverUrl.getBytes(StandardCharsets.UTF_8));
    if (result.exitCode != 0 && !result.output.contains("credentials not found")) throw failure("erase", result);
  }

  private record Result(int exitCode, String output) {}

  private Result run(String action, byte[] input) throws IOException {
    Process process = new ProcessBuilder(executable().toString(), action).redirectErrorStream(true).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(program() + " " + action + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + program(), e);
    }
    return new Result(process.exitValue(), output);
  }

  private Path executable() throws IOException {
    for (Path directory : searchPath) {
      Path candidate = directory.resolve(program());
      if (Files.isExecutable(candidate)) return candidate;
    }
    throw new IOException("credential helper " + program() + " not found on PATH");
  }

  private String program() {
    return "docker-credential-" + name;
  }

  /** The helper's own words, first line only; it prints no secret when it fails. */
  private IOException failure(String action, Result result) {
    String said = result.output.strip().lines().findFirst().orElse("");
    return new IOException(program() + " " + action + " failed (exit " + result.exitCode + ")"
        + (said.isEmpty() ? "" : ": " + said));
  }
}
