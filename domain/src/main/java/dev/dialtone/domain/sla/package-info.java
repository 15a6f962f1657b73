/** SLA arithmetic: uptime, budgets and call figures over a window, as pure functions of intervals and counts. */
package dev.dialtone.domain.sla;
