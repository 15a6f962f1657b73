/** {@code /api/v1/agents/{id}/sla} and {@code /api/v1/sla}: SLA reports as JSON or CSV. */
package dev.dialtone.api.sla;
