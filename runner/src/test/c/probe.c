/*
 * probe: a static test helper run inside containers.
 *
 *   probe syscalls        each syscall below in a child; prints "NAME ERRNO" (0: it succeeded)
 *   probe escape MARKER   the classic chroot escape, then "escaped" if MARKER (a host path) is visible
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long try_unshare_user(void) { return unshare(CLONE_NEWUSER); }
static long try_add_key(void) { return syscall(SYS_add_key, "user", "lade-probe", "x", 1, -2 /* process keyring */); }
static long try_keyctl(void) { return syscall(SYS_keyctl, 0 /* GET_KEYRING_ID */, -3 /* session */, 0); }
static long try_kexec_load(void) { return syscall(SYS_kexec_load, 0, 0, NULL, 0); }
static long try_clone3(void) { return syscall(435 /* clone3 */, NULL, 0); }
static long try_vsock(void) { return socket(40 /* AF_VSOCK */, SOCK_STREAM, 0); }
static long try_no_randomize(void) { return personality(ADDR_NO_RANDOMIZE); }
static long try_query_personality(void) { return personality(0xffffffff); }
static long try_newer_than_table(void) { return syscall(451 /* cachestat */, -1, NULL, NULL, 0); }
static long try_getpid(void) { return syscall(SYS_getpid); }
static long try_fork(void) { pid_t pid = fork(); if (pid == 0) _exit(0); return pid < 0 ? -1 : 0; }

static const struct { const char *name; long (*call)(void); } checks[] = {
  {"unshare-user", try_unshare_user}, {"add_key", try_add_key}, {"keyctl", try_keyctl},
  {"kexec_load", try_kexec_load}, {"clone3", try_clone3}, {"socket-vsock", try_vsock},
  {"personality-no-randomize", try_no_randomize}, {"personality-query", try_query_personality},
  {"syscall-451", try_newer_than_table}, {"getpid", try_getpid}, {"fork", try_fork},
};

static int syscalls(void) {
  for (size_t i = 0; i < sizeof checks / sizeof *checks; i++) {
    pid_t pid = fork();
    if (pid == 0) _exit(checks[i].call() < 0 ? errno : 0);
    int status;
    waitpid(pid, &status, 0);
    printf("%s %d\n", checks[i].name, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  }
  return 0;
}

/* chroot into a subdirectory without entering it: the working directory stays outside, and ".." climbs. */
static int escape(const char *marker) {
  mkdir("/.escape", 0700);
  if (chroot("/.escape") < 0) { perror("chroot"); return 2; }
  for (int i = 0; i < 64; i++) (void)!chdir("..");
  if (chroot(".") < 0) { perror("chroot ."); return 2; }
  puts(access(marker, F_OK) == 0 ? "escaped" : "contained");
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "syscalls")) return syscalls();
  if (argc == 3 && !strcmp(argv[1], "escape")) return escape(argv[2]);
  fprintf(stderr, "usage: probe syscalls | probe escape MARKER\n");
  return 2;
}
