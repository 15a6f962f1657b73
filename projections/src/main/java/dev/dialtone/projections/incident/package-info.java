/** Incidents with their evidence, notifications and timeline, for the REST and GraphQL reads. */
package dev.dialtone.projections.incident;
