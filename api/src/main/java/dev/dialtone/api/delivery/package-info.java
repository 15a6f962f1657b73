/**
 * The outbox: decided notifications and failover requests become durable db-scheduler tasks in the transaction that
 * records the decision, and are delivered, retried with backoff and recorded from there.
 */
package dev.dialtone.api.delivery;
