/** Blob content: re-readable upload sources and streams verified against their digest and size. */
package dev.lade.registry.blob;
