/**
 * Detection: pure classes that turn an agent's signals, in event-time order, into decisions to open, reopen or
 * resolve incidents. No framework types, so thousands of generated cases run in milliseconds.
 */
package dev.dialtone.domain.detection;
