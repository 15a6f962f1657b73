/**
 * {@code /webhooks/{platform}/{agentId}}: the voice platforms' own webhooks, verified with the agent's secret for
 * that platform and recorded as signals.
 */
package dev.dialtone.api.webhook;
