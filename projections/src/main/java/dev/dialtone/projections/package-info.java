/** Read models in MongoDB, built from the event store by replay-safe handlers, and the queries that read them. */
package dev.dialtone.projections;
