/** {@code /api/v1/signals}: batched, validated-whole, idempotent ingestion of call, health and failover signals. */
package dev.dialtone.api.signal;
