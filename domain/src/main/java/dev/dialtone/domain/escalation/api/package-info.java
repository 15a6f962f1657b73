/** Messages and value types of the escalation context. */
package dev.dialtone.domain.escalation.api;
