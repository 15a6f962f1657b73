/** Agents: the monitored voice-agent lines and their configuration, kept as events. */
package dev.dialtone.domain.agent;
