/**
 * The sandbox backend SPI: what an isolation tier implements so that the engine can run programs in
 * it. Bubblewrap is the first tier; a gVisor tier ({@code runsc}) and a KVM microVM tier plug in
 * here, behind the same lifecycle, warm pools, statuses, limits, egress proxy and audit.
 *
 * <p>A tier is a {@link dev.bulwark.spi.SandboxTier}: it checks the host ({@code bulwark doctor})
 * and opens a {@link dev.bulwark.spi.SandboxBackend} for one engine, which prepares {@link
 * dev.bulwark.spi.Sandbox sandboxes}. What every tier shares with the engine (its identity on the
 * host, its directory, the uid leases, the runners, the egress proxy) comes through {@link
 * dev.bulwark.spi.EngineHost}. The engine, never the tier, speaks the runner protocol on a
 * sandbox's streams, decides, classifies and records: a tier only isolates, enforces and reports.
 *
 * <p>These types depend on the JDK and {@code bulwark-model} only.
 */
package dev.bulwark.spi;
