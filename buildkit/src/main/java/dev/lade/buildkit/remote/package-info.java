/**
 * What a build needs from registries, as small interfaces the builder owns: pulling a base image
 * into the store and pushing a built one. The registry client implements them where lade is
 * assembled, so the builder does not depend on it.
 */
package dev.lade.buildkit.remote;
