/**
 * Active probes: Dialtone checks an agent itself (HTTP, SIP OPTIONS, a vendor's Statuspage) and turns each attempt
 * into a {@link dev.dialtone.integrations.probe.ProbeResult}. Blocking; the application schedules and records them.
 */
package dev.dialtone.integrations.probe;
