/**
 * The builder's view of filesystems: {@link dev.lade.buildkit.fs.FileTree} for contexts, images
 * and stages, and {@link dev.lade.buildkit.fs.FileCopier}, which turns one COPY or ADD into a
 * layer.
 */
package dev.lade.buildkit.fs;
