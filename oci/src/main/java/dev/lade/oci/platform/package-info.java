/**
 * Platforms ({@code linux/arm64/v8}): parsing, normalisation and matching as containerd does them,
 * and the host's platform.
 */
package dev.lade.oci.platform;
