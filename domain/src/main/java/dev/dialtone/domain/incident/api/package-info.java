/** Messages and value types of the incident context. */
package dev.dialtone.domain.incident.api;
