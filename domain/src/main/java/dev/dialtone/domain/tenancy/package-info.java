/** Tenancy: every agent, policy and signal belongs to exactly one tenant. */
package dev.dialtone.domain.tenancy;
