/**
 * PagerDuty in Dialtone's terms: alert events out through the Events API v2 (trigger, acknowledge, resolve, keyed by a
 * dedup key Dialtone chooses), and incident changes in through v3 webhooks (acknowledged, resolved, checked against
 * {@code X-PagerDuty-Signature}), free of any web framework and of retry policy, which belong to the application.
 */
package dev.dialtone.integrations.pagerduty;
