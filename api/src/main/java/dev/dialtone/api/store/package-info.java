/** The stores: embedded PostgreSQL and MongoDB-wire servers by default, Axon's JDBC stores, the projection client. */
package dev.dialtone.api.store;
