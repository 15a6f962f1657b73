/** Incidents: what detection opened, who acknowledged it, how it escalated and how it ended. */
package dev.dialtone.domain.incident;
