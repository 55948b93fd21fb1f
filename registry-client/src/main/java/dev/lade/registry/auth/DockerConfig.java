package dev.lade.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lade.registry.transport.RegistryHosts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's client configuration ({@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}) as a source and store of credentials: per-registry {@code credHelpers},
 * then the default {@code credsStore}, then {@code auths} entries ({@code auth} as base64 {@code
 * user:password}, or {@code username}/{@code password}, or {@code identitytoken}). Docker Hub is
 * keyed {@code https://index.docker.io/v1/}. Other fields of the file are kept when writing.
 */
public final class DockerConfig implements CredentialSource {
  private final Path file;
  private final List<Path> helperPath;

  /** The configuration at {@code file}, with credential helpers looked up in {@code helperPath}. */
  public DockerConfig(Path file, List<Path> helperPath) {
    this.file = file;
    this.helperPath = List.copyOf(helperPath);
  }

  /** The user's configuration, located and searched for helpers by the process environment. */
  public static DockerConfig load() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The configuration {@code environment} points to ({@code DOCKER_CONFIG}, {@code PATH}). */
  public static DockerConfig fromEnvironment(Map<String, String> environment, Path home) {
    String dir = environment.get("DOCKER_CONFIG");
    Path directory = dir == null || dir.isBlank() ? home.resolve(".docker") : Path.of(dir);
    List<Path> path = new ArrayList<>();
    for (String entry : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) path.add(Path.of(entry));
    }
    return new DockerConfig(directory.resolve("config.json"), path);
  }

  /** The file read and written. */
  public Path file() {
    return file;
  }

  /** The key of registry {@code host} in the file and in credential helpers. */
  public static String serverKey(String host) {
    String api = RegistryHosts.apiHost(host);
    return api.equals(RegistryHosts.DOCKER_HUB_API) ? RegistryHosts.DOCKER_HUB_CONFIG_KEY : host;
  }

  @Override
  public Credential credentialFor(String host) throws IOException {
    ObjectNode root = read();
    String key = serverKey(host);
    Optional<CredentialHelper> helper = helperFor(root, key);
    if (helper.isPresent()) {
      Optional<Credential> stored = helper.get().get(key);
      if (stored.isPresent()) return stored.get();
    }
    JsonNode entry = authEntry(root.path("auths"), key);
    return entry == null ? Credential.anonymous() : decode(entry, key);
  }

  /** Stores a login: through the credential helper if one is configured, else in {@code auths}. */
  public void store(String host, Credential.UsernamePassword credential) throws IOException {
    ObjectNode root = read();
    String key = serverKey(host);
    Optional<CredentialHelper> helper = helperFor(root, key);
    ObjectNode auths = root.has("auths") && root.get("auths").isObject()
        ? (ObjectNode) root.get("auths") : root.putObject("auths");
    if (helper.isPresent()) {
      helper.get().store(key, credential.username(), credential.password());
      auths.putObject(key); // Docker leaves an empty entry so the registry shows as logged in
    } else {
      String pair = credential.username() + ":" + credential.password();
      auths.putObject(key).put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    write(root);
  }

  /** Forgets the login of {@code host}; returns whether there was one. */
  public boolean erase(String host) throws IOException {
    ObjectNode root = read();
    String key = serverKey(host);
    Optional<CredentialHelper> helper = helperFor(root, key);
    if (helper.isPresent()) helper.get().erase(key);
    boolean removed = false;
    if (root.get("auths") instanceof ObjectNode auths) {
      for (Iterator<String> names = auths.fieldNames(); names.hasNext(); ) {
        if (normalizeKey(names.next()).equals(normalizeKey(key))) {
          names.remove();
          removed = true;
        }
      }
    }
    if (removed) write(root);
    return removed || helper.isPresent();
  }

  private Optional<CredentialHelper> helperFor(ObjectNode root, String key) {
    String name = root.path("credHelpers").path(key).asText("");
    if (name.isEmpty()) name = root.path("credsStore").asText("");
    return name.isEmpty() ? Optional.empty() : Optional.of(new CredentialHelper(name, helperPath));
  }

  /** The entry for {@code key}, also under spellings like {@code https://host/v2/}, as Docker. */
  private static JsonNode authEntry(JsonNode auths, String key) {
    if (auths.has(key)) return auths.get(key);
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (normalizeKey(entry.getKey()).equals(normalizeKey(key))) return entry.getValue();
    }
    return null;
  }

  private static String normalizeKey(String key) {
    String host = key.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
    int slash = host.indexOf('/');
    host = slash < 0 ? host : host.substring(0, slash);
    return host.equals("index.docker.io") ? RegistryHosts.DOCKER_HUB : host;
  }

  private Credential decode(JsonNode entry, String key) throws IOException {
    String identityToken = entry.path("identitytoken").asText("");
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    String auth = entry.path("auth").asText("");
    if (!auth.isEmpty()) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": auths." + key + ".auth is not base64");
      }
      int colon = pair.indexOf(':');
      if (colon < 0) throw new IOException(file + ": auths." + key + ".auth is not user:password");
      username = pair.substring(0, colon);
      password = pair.substring(colon + 1);
    }
    if (!identityToken.isEmpty()) return new Credential.IdentityToken(username, identityToken);
    if (username.isEmpty()) return Credential.anonymous();
    return new Credential.UsernamePassword(username, password);
  }

  private ObjectNode read() throws IOException {
    if (!Files.exists(file)) return JsonNodeFactory.instance.objectNode();
    JsonNode root;
    try {
      root = AuthJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not valid JSON", e);
    }
    if (root == null || root.isMissingNode()) return JsonNodeFactory.instance.objectNode();
    if (!root.isObject()) throw new IOException(file + ": not a JSON object");
    return (ObjectNode) root;
  }

  /** Writes atomically and private to the user, as the file may hold passwords. */
  private void write(ObjectNode root) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config", ".json");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the file system has no such permissions
      }
      Files.write(temp, AuthJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public String toString() {
    return "DockerConfig[" + file + "]";
  }
}
