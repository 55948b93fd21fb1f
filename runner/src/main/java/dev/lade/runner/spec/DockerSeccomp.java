package dev.lade.runner.spec;

import dev.lade.runner.spec.SyscallRule.ArgCondition;
import dev.lade.runner.spec.SyscallRule.ArgCondition.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Docker's default seccomp profile (moby's {@code profiles/seccomp/default.json}), resolved for one process's
 * capabilities and the host's architecture as the daemon resolves it before handing it to the runtime.
 */
public final class DockerSeccomp {

  /** Errno of refused syscalls: EPERM. */
  public static final int EPERM = 1;
  /** Errno of clone3 without CAP_SYS_ADMIN, so that libc falls back to clone, which the profile can inspect. */
  public static final int ENOSYS = 38;

  /** Allowed whatever the capabilities. */
  static final List<String> ALWAYS_ALLOWED = names("""
      accept accept4 access adjtimex alarm bind brk capget capset chdir chmod chown chown32 clock_adjtime
      clock_adjtime64 clock_getres clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep
      clock_nanosleep_time64 close close_range connect copy_file_range creat dup dup2 dup3 epoll_create
      epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2
      execve execveat exit exit_group faccessat faccessat2 fadvise64 fadvise64_64 fallocate fanotify_mark fchdir
      fchmod fchmodat fchown fchown32 fchownat fcntl fcntl64 fdatasync fgetxattr flistxattr flock fork
      fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs fstatfs64 fsync ftruncate ftruncate64 futex
      futex_time64 futex_waitv futimesat getcpu getcwd getdents getdents64 getegid getegid32 geteuid geteuid32
      getgid getgid32 getgroups getgroups32 getitimer getpeername getpgid getpgrp getpid getppid getpriority
      getrandom getresgid getresgid32 getresuid getresuid32 getrlimit get_robust_list getrusage getsid
      getsockname getsockopt get_thread_area gettid gettimeofday getuid getuid32 getxattr inotify_add_watch
      inotify_init inotify_init1 inotify_rm_watch io_cancel ioctl io_destroy io_getevents io_pgetevents
      io_pgetevents_time64 ioprio_get ioprio_set io_setup io_submit io_uring_enter io_uring_register
      io_uring_setup ipc kill landlock_add_rule landlock_create_ruleset landlock_restrict_self lchown lchown32
      lgetxattr link linkat listen listxattr llistxattr _llseek lremovexattr lseek lsetxattr lstat lstat64
      madvise membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod mknodat mlock mlock2 mlockall mmap
      mmap2 mprotect mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 mq_timedsend
      mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv msgsnd msync munlock munlockall munmap
      name_to_handle_at nanosleep newfstatat _newselect open openat openat2 pause pidfd_open pidfd_send_signal
      pipe pipe2 pkey_alloc pkey_free pkey_mprotect poll ppoll ppoll_time64 prctl pread64 preadv preadv2
      prlimit64 process_mrelease pselect6 pselect6_time64 pwrite64 pwritev pwritev2 read readahead readlink
      readlinkat readv recv recvfrom recvmmsg recvmmsg_time64 recvmsg remap_file_pages removexattr rename
      renameat renameat2 restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo
      rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo sched_getaffinity
      sched_getattr sched_getparam sched_get_priority_max sched_get_priority_min sched_getscheduler
      sched_rr_get_interval sched_rr_get_interval_time64 sched_setaffinity sched_setattr sched_setparam
      sched_setscheduler sched_yield seccomp select semctl semget semop semtimedop semtimedop_time64 send
      sendfile sendfile64 sendmmsg sendmsg sendto setfsgid setfsgid32 setfsuid setfsuid32 setgid setgid32
      setgroups setgroups32 setitimer setpgid setpriority setregid setregid32 setresgid setresgid32 setresuid
      setresuid32 setreuid setreuid32 setrlimit set_robust_list setsid setsockopt set_thread_area set_tid_address
      setuid setuid32 setxattr shmat shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 sigprocmask
      sigreturn socketcall socketpair splice stat stat64 statfs statfs64 statx symlink symlinkat sync
      sync_file_range syncfs sysinfo tee tgkill time timer_create timer_delete timer_getoverrun timer_gettime
      timer_gettime64 timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64
      timerfd_settime timerfd_settime64 times tkill truncate truncate64 ugetrlimit umask uname unlink unlinkat
      utime utimensat utimensat_time64 utimes vfork vmsplice wait4 waitid waitpid write writev
      ptrace process_vm_readv process_vm_writev
      """);

  /** Allowed only with the capability. */
  static final Map<String, List<String>> BY_CAPABILITY = Map.ofEntries(
      Map.entry("CAP_DAC_READ_SEARCH", List.of("open_by_handle_at")),
      Map.entry("CAP_SYS_ADMIN", names("""
          bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie mount mount_setattr
          move_mount open_tree perf_event_open quotactl quotactl_fd setdomainname sethostname setns syslog umount
          umount2 unshare""")),
      Map.entry("CAP_SYS_BOOT", List.of("reboot")),
      Map.entry("CAP_SYS_CHROOT", List.of("chroot")),
      Map.entry("CAP_SYS_MODULE", List.of("delete_module", "init_module", "finit_module")),
      Map.entry("CAP_SYS_PACCT", List.of("acct")),
      Map.entry("CAP_SYS_PTRACE", List.of("kcmp", "pidfd_getfd", "process_madvise")),
      Map.entry("CAP_SYS_RAWIO", List.of("iopl", "ioperm")),
      Map.entry("CAP_SYS_TIME", List.of("settimeofday", "stime", "clock_settime", "clock_settime64")),
      Map.entry("CAP_SYS_TTY_CONFIG", List.of("vhangup")),
      Map.entry("CAP_SYS_NICE", List.of("get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node")),
      Map.entry("CAP_SYSLOG", List.of("syslog")),
      Map.entry("CAP_BPF", List.of("bpf")),
      Map.entry("CAP_PERFMON", List.of("perf_event_open")));

  /** Allowed on one architecture only (keys as Java's {@code os.arch}). */
  static final Map<String, List<String>> BY_ARCHITECTURE = Map.of(
      "amd64", List.of("arch_prctl", "modify_ldt"),
      "aarch64", List.of("arm_fadvise64_64", "arm_sync_file_range", "sync_file_range2", "breakpoint", "cacheflush",
          "set_tls"));

  /** personality(2) values allowed: Linux, UNAME26, READ_IMPLIES_EXEC and both, and the query 0xffffffff. */
  static final List<Long> PERSONALITIES = List.of(0L, 8L, 131072L, 131080L, 4294967295L);

  /** AF_VSOCK: sockets of this family are refused. */
  static final long AF_VSOCK = 40;

  /** The clone flags that create namespaces; clone with any of them is refused without CAP_SYS_ADMIN. */
  static final long NAMESPACE_FLAGS = 2114060288L;

  private DockerSeccomp() {}

  /** The profile for a process with {@code capabilities} on the host's architecture. */
  public static SeccompProfile profile(List<String> capabilities) {
    return profile(capabilities, System.getProperty("os.arch"));
  }

  /** The profile for a process with {@code capabilities} on {@code arch} (as {@code os.arch}). */
  public static SeccompProfile profile(List<String> capabilities, String arch) {
    List<SyscallRule> rules = new ArrayList<>();
    rules.add(SyscallRule.allow(ALWAYS_ALLOWED));
    rules.add(new SyscallRule(List.of("socket"), SyscallAction.ALLOW,
        List.of(new ArgCondition(0, Op.NE, AF_VSOCK, 0))));
    for (long personality : PERSONALITIES) {
      rules.add(new SyscallRule(List.of("personality"), SyscallAction.ALLOW,
          List.of(new ArgCondition(0, Op.EQ, personality, 0))));
    }
    if (BY_ARCHITECTURE.containsKey(arch)) {
      rules.add(SyscallRule.allow(BY_ARCHITECTURE.get(arch)));
    }
    BY_CAPABILITY.entrySet().stream().filter(entry -> capabilities.contains(entry.getKey()))
        .sorted(Map.Entry.comparingByKey()).forEach(entry -> rules.add(SyscallRule.allow(entry.getValue())));
    if (!capabilities.contains("CAP_SYS_ADMIN")) {
      rules.add(new SyscallRule(List.of("clone"), SyscallAction.ALLOW,
          List.of(new ArgCondition(0, Op.MASKED_EQ, NAMESPACE_FLAGS, 0))));
      rules.add(new SyscallRule(List.of("clone3"), new SyscallAction.Errno(ENOSYS), List.of()));
    }
    return new SeccompProfile(EPERM, rules);
  }

  private static List<String> names(String text) {
    return Arrays.stream(text.strip().split("\\s+")).toList();
  }
}
