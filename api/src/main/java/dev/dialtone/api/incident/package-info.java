/** {@code /api/v1/incidents}: reading incidents and their timelines, and the responder actions. */
package dev.dialtone.api.incident;
