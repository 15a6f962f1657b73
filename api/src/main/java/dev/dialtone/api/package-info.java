/** The Dialtone application: composition root, HTTP edges, security and the embedded stores. */
package dev.dialtone.api;
