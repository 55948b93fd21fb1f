/*
 * lade-launch --mount TYPE SOURCE TARGET DATA
 * lade-launch --unmount TARGET
 *
 * The mounts lade makes in its own mount namespace: a container's root filesystem (its
 * snapshot's overlay), mounted before lade reads the image's users from it and unmounted
 * when the container is removed. Done here so that lade run needs no FFI library, whose
 * start-up costs more than the whole container.
 */
#define _GNU_SOURCE
#include "launcher.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

static int mount_fs(const char *type, const char *source, const char *target, const char *data) {
  if (mount(source, target, type, 0, data) == 0) return 0;
  int error = errno;
  fprintf(stderr, "lade-launch: mount %s on %s: %s%s\n", type, target, strerror(error),
          error == EPERM ? " (mounting an overlay here needs root)" : "");
  return EXIT_SETUP;
}

/* A busy mount is detached lazily instead, as the snapshot is going away either way. */
static int unmount_fs(const char *target) {
  if (umount2(target, 0) == 0 || (errno == EBUSY && umount2(target, MNT_DETACH) == 0)) return 0;
  fprintf(stderr, "lade-launch: umount %s: %s\n", target, strerror(errno));
  return EXIT_SETUP;
}

int mount_command(int argc, char **argv) {
  if (argc == 6 && !strcmp(argv[1], "--mount")) return mount_fs(argv[2], argv[3], argv[4], argv[5]);
  if (argc == 3 && !strcmp(argv[1], "--unmount")) return unmount_fs(argv[2]);
  fprintf(stderr, "usage: lade-launch SPEC-FILE | --mount TYPE SOURCE TARGET DATA | --unmount TARGET\n");
  return EXIT_SETUP;
}
