/** {@code /api/v1/agents}: agent configuration (event-sourced) and live status. */
package dev.dialtone.api.agent;
