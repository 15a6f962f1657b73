/** {@code /api/v1/escalation-policies}: the ladders incidents walk, event-sourced and versioned. */
package dev.dialtone.api.policy;
