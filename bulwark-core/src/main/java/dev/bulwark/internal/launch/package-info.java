/**
 * Launchers staged in their cgroup ahead of requests, shared by the tiers that start a sandbox
 * manager as a host process (bubblewrap, gVisor's runsc): the launcher binary ({@code
 * src/main/c/bulwark-launch.c}) held in a sealed memfd, the staging, and the record that tells a
 * launcher what to start, with which rlimits, as which uid.
 */
package dev.bulwark.internal.launch;
