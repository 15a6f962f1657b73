/** {@code /graphql}: the same reads and responder actions as REST, schema first, same keys and roles. */
package dev.dialtone.api.graphql;
