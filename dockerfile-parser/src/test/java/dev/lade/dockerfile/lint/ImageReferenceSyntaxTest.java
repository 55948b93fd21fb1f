package dev.lade.dockerfile.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageReferenceSyntaxTest {
  @Test
  void acceptsReferences() {
    for (String ref : new String[] {"busybox", "busybox:stable", "alpine:3.20", "node:22-alpine3.20",
        "localhost:5000/app", "ghcr.io/owner/repo:v1", "scratch", "golang:latest",
        "busybox@sha256:" + "a".repeat(64)}) {
      assertTrue(ImageReferenceSyntax.isValid(ref), ref);
    }
  }

  @Test
  void rejectsNonReferences() {
    for (String ref : new String[] {"", "busybox:", "Busybox", ":latest", "busybox@sha256:abc",
        "a".repeat(64), "busybox:-tag"}) {
      assertFalse(ImageReferenceSyntax.isValid(ref), ref);
    }
  }
}
