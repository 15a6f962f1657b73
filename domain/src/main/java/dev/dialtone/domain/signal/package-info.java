/** Signals: call outcomes, health checks and failover actions reported from outside, stored as immutable events. */
package dev.dialtone.domain.signal;
