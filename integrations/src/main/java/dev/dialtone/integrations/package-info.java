/** Dialtone's hands: clients for PagerDuty, Slack, failover targets and webhooks, and voice-platform parsing. */
package dev.dialtone.integrations;
