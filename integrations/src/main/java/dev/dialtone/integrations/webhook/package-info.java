/** Signed JSON webhooks: escalation targets of type {@code webhook} and agents' failover targets. */
package dev.dialtone.integrations.webhook;
