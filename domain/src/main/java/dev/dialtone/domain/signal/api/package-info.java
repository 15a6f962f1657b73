/** Signal events and their value types. */
package dev.dialtone.domain.signal.api;
