/**
 * PagerDuty: pages, acknowledgements and resolutions go out through the Events API v2 from durable delivery tasks;
 * acknowledgements and resolutions made in PagerDuty come back through its v3 webhooks.
 */
package dev.dialtone.api.pagerduty;
