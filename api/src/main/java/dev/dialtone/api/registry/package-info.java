/**
 * The configuration registry: agents and policies as PostgreSQL rows written in the same transaction as their
 * events, for the set-based checks a command handler cannot make (unknown agent, unknown policy, id owner).
 */
package dev.dialtone.api.registry;
