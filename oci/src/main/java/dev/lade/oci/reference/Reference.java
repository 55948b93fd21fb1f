package dev.lade.oci.reference;

import dev.lade.oci.digest.Digest;
import java.util.Objects;

/**
 * An image reference such as {@code docker.io/library/busybox:1.36@sha256:...}, following the
 * grammar and Docker Hub normalisation of Go's distribution/reference, which Docker and BuildKit
 * use. Absent parts are empty strings; an absent digest is null.
 *
 * @param domain the registry host, with an optional port ({@code localhost:5000}, {@code
 *     [::1]:5000}); empty only for references from {@link #parseUnnormalized}
 * @param path the repository path, such as {@code library/busybox}
 * @param tag the tag, or empty
 * @param digest the digest, or null
 */
public record Reference(String domain, String path, String tag, Digest digest) {
  private static final String DEFAULT_TAG = "latest";

  /** Validates the parts against the grammar. */
  public Reference {
    domain = Objects.requireNonNullElse(domain, "");
    tag = Objects.requireNonNullElse(tag, "");
    Objects.requireNonNull(path, "path");
    String input = (domain.isEmpty() ? "" : domain + "/") + path;
    if (!domain.isEmpty() && !ReferenceGrammar.isDomain(domain)) {
      throw ReferenceParser.error(input, null);
    }
    if (!ReferenceGrammar.isRemoteName(path)) {
      throw ReferenceParser.error(input, null);
    }
    if (path.length() > ReferenceParser.NAME_TOTAL_LENGTH_MAX) throw ReferenceParser.tooLong(input);
    if (!tag.isEmpty() && !ReferenceGrammar.isTag(tag)) {
      throw new InvalidReferenceException(tag, "invalid tag format");
    }
  }

  /**
   * Parses a reference as Docker does ({@code ParseNormalizedNamed}): a name without a domain is on
   * Docker Hub ({@code docker.io}), an official image gets {@code library/}, {@code
   * index.docker.io} becomes {@code docker.io}. No tag is added; see {@link #withDefaultTag()}.
   *
   * @throws InvalidReferenceException with distribution/reference's message, such as {@code
   *     invalid reference format: repository name (library/Foo) must be lowercase}
   */
  public static Reference parse(String reference) {
    return ReferenceParser.parseNormalized(reference);
  }

  /**
   * Parses a reference by the grammar alone ({@code Parse}): {@code busybox} stays {@code busybox}
   * with an empty domain.
   *
   * @throws InvalidReferenceException with distribution/reference's message
   */
  public static Reference parseUnnormalized(String reference) {
    return ReferenceParser.parse(reference);
  }

  /**
   * Parses a reference that must already be in canonical form ({@code ParseNamed}), such as
   * {@code docker.io/library/busybox:latest}.
   *
   * @throws InvalidReferenceException if it is invalid or not canonical
   */
  public static Reference parseCanonical(String reference) {
    Reference parsed = parse(reference);
    if (!parsed.toString().equals(reference)) {
      throw ReferenceParser.error(reference, "repository name must be canonical");
    }
    return parsed;
  }

  /** The repository name: {@code domain/path}, or just the path without a domain. */
  public String name() {
    return domain.isEmpty() ? path : domain + "/" + path;
  }

  /** This reference with {@code tag} (any digest stays). */
  public Reference withTag(String tag) {
    if (tag.isEmpty()) throw new InvalidReferenceException(tag, "invalid tag format");
    return new Reference(domain, path, tag, digest);
  }

  /** This reference with {@code digest} (any tag stays). */
  public Reference withDigest(Digest digest) {
    return new Reference(domain, path, tag, Objects.requireNonNull(digest, "digest"));
  }

  /** This reference tagged {@code latest} if it has neither a tag nor a digest. */
  public Reference withDefaultTag() {
    return tag.isEmpty() && digest == null ? withTag(DEFAULT_TAG) : this;
  }

  /** The repository alone, without tag or digest. */
  public Reference nameOnly() {
    return new Reference(domain, path, "", null);
  }

  /**
   * The short form Docker shows ({@code FamiliarString}): Docker Hub's domain and the {@code
   * library/} namespace of official images are dropped, so {@code docker.io/library/busybox:1.36}
   * is {@code busybox:1.36}.
   */
  public String familiar() {
    return suffixed(familiarName());
  }

  /** The familiar form of the name alone ({@code FamiliarName}). */
  public String familiarName() {
    if (!domain.equals(ReferenceParser.DEFAULT_DOMAIN)) return name();
    String prefix = ReferenceParser.OFFICIAL_REPO_PREFIX;
    if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0) {
      return path.substring(prefix.length());
    }
    return path;
  }

  /** {@code name[:tag][@digest]}. */
  @Override
  public String toString() {
    return suffixed(name());
  }

  private String suffixed(String name) {
    return name + (tag.isEmpty() ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
