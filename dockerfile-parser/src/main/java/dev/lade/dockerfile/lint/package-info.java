/**
 * BuildKit's build checks ({@code docker build --check}) for a Dockerfile, without building it.
 *
 * <p>{@link dev.lade.dockerfile.lint.DockerfileLinter#lint} parses and evaluates the Dockerfile
 * and runs every rule of {@link dev.lade.dockerfile.lint.LintRules#ALL}, one class per rule, with
 * BuildKit's names, messages and documentation links. The file's {@code # check=} directive (and
 * a {@code # check=} comment just above an instruction) skips rules, enables experimental ones,
 * and makes warnings fail; see {@link dev.lade.dockerfile.lint.CheckConfig}.
 *
 * <p>What a static check cannot know is left out or approximated: InvalidBaseImagePlatform needs
 * the pulled image; CopyIgnoredFile (experimental) needs the build context; a base image's own
 * environment variables are unknown unless a {@link dev.lade.dockerfile.scope.BaseImageConfig}
 * supplies them, so UndefinedVar may flag a variable the image defines.
 */
package dev.lade.dockerfile.lint;
