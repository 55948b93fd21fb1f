/**
 * Test fixtures that drive real peers lade must agree with, shared with other modules through
 * oci's test-jar: {@link dev.lade.oci.testing.DockerDaemon} (a private dockerd, the BuildKit oracle
 * and {@code docker load}/{@code docker save} peer) and {@link dev.lade.oci.testing.BusyboxRootfs}
 * (the base image tests make from busybox-static, as there is no Docker Hub here).
 */
package dev.lade.oci.testing;
