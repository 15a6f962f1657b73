/** The read models behind SLA reports: incident episodes, maintenance plans and call counts, all bitemporal. */
package dev.dialtone.projections.sla;
