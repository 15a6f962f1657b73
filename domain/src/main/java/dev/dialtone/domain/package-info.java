/** Dialtone's write side: messages, aggregates, sagas and detection logic, free of web, storage and HTTP concerns. */
package dev.dialtone.domain;
