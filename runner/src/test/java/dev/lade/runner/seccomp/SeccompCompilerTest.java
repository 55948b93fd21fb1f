package dev.lade.runner.seccomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lade.runner.spec.DockerDefaults;
import dev.lade.runner.spec.DockerSeccomp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's profile compiled for x86_64 and run by {@link BpfInterpreter}, as the kernel would run it. */
class SeccompCompilerTest {

  static final SyscallTable X86_64 = SyscallTable.forArch("amd64").orElseThrow();
  static final BpfProgram DOCKER = SeccompCompiler.compile(DockerSeccomp.profile(DockerDefaults.CAPABILITIES, "amd64"),
      X86_64);
  static final int ALLOW = 0x7fff0000;
  static final int EPERM = 0x00050001;
  static final int ENOSYS = 0x00050026;

  static int verdict(String syscall, long... args) {
    return BpfInterpreter.run(DOCKER, SyscallTable.AUDIT_ARCH_X86_64, X86_64.number(syscall).orElseThrow(), args);
  }

  @Test
  void dockersDocumentedBlockedSyscallsAreRefused() {
    // From Docker's "Seccomp security profiles" page: significant syscalls the default profile blocks.
    for (String blocked : List.of("acct", "add_key", "bpf", "clock_settime", "delete_module", "finit_module",
        "get_mempolicy", "init_module", "ioperm", "iopl", "kcmp", "kexec_file_load", "kexec_load", "keyctl",
        "lookup_dcookie", "mbind", "mount", "move_pages", "open_by_handle_at", "perf_event_open", "pivot_root",
        "quotactl", "reboot", "request_key", "set_mempolicy", "setns", "settimeofday", "swapon", "swapoff",
        "sysfs", "umount2", "unshare", "uselib", "userfaultfd", "ustat")) {
      assertEquals(EPERM, verdict(blocked), blocked);
    }
  }

  @Test
  void ordinarySyscallsAndDefaultCapabilitiesSyscallsRun() {
    for (String allowed : List.of("read", "write", "openat", "execve", "mmap", "futex", "arch_prctl", "chroot",
        "ptrace", "io_uring_setup", "rseq")) {
      assertEquals(ALLOW, verdict(allowed), allowed);
    }
  }

  @Test
  void argumentRules() {
    assertEquals(ALLOW, verdict("clone", 0x01200011L)); // fork: CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD
    assertEquals(EPERM, verdict("clone", 0x10000000L | 17)); // CLONE_NEWUSER
    assertEquals(ENOSYS, verdict("clone3"));
    assertEquals(ALLOW, verdict("socket", 2, 1, 0)); // AF_INET
    assertEquals(EPERM, verdict("socket", 40, 1, 0)); // AF_VSOCK
    assertEquals(ALLOW, verdict("socket", 40 | (1L << 32), 1, 0), "libseccomp compares all 64 bits");
    assertEquals(ALLOW, verdict("personality", 0xffffffffL));
    assertEquals(ALLOW, verdict("personality", 0x0020008L));
    assertEquals(EPERM, verdict("personality", 0x0040000L)); // ADDR_NO_RANDOMIZE
    assertEquals(EPERM, verdict("personality", 8 | (1L << 32)));
  }

  @Test
  void otherAbisAndNewerSyscalls() {
    assertEquals(0x80000000, BpfInterpreter.run(DOCKER, 0x40000003, 20), "i386 numbers differ: killed");
    assertEquals(EPERM, BpfInterpreter.run(DOCKER, SyscallTable.AUDIT_ARCH_X86_64, 0x40000000), "x32");
    assertEquals(ENOSYS, BpfInterpreter.run(DOCKER, SyscallTable.AUDIT_ARCH_X86_64, X86_64.highest() + 1));
  }

  @Test
  void capabilitiesWidenTheProfileAsDockers() {
    BpfProgram admin = SeccompCompiler.compile(DockerSeccomp.profile(List.of("CAP_SYS_ADMIN"), "amd64"), X86_64);
    int mount = X86_64.number("mount").orElseThrow();
    int clone = X86_64.number("clone").orElseThrow();
    assertEquals(ALLOW, BpfInterpreter.run(admin, SyscallTable.AUDIT_ARCH_X86_64, mount));
    assertEquals(ALLOW, BpfInterpreter.run(admin, SyscallTable.AUDIT_ARCH_X86_64, clone, 0x10000000L));
    assertEquals(EPERM, BpfInterpreter.run(admin, SyscallTable.AUDIT_ARCH_X86_64,
        X86_64.number("chroot").orElseThrow()), "no CAP_SYS_CHROOT");
  }

  @Test
  void encodedAsTheKernelsSockFilterArray() {
    byte[] bytes = DOCKER.bytes();
    assertEquals(8 * DOCKER.instructions().size(), bytes.length);
    assertTrue(DOCKER.instructions().size() < BpfProgram.MAX_INSTRUCTIONS);
    ByteBuffer first = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    assertEquals(0x20, first.getShort(), "BPF_LD | BPF_W | BPF_ABS");
    assertEquals(0, first.getShort());
    assertEquals(4, first.getInt(), "loads seccomp_data.arch");
  }
}
