/** Messages and value types of the agent context. */
package dev.dialtone.domain.agent.api;
