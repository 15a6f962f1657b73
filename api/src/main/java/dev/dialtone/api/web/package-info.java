/** HTTP plumbing shared by every endpoint: JSON bodies, field validation, RFC 9457 problem responses. */
package dev.dialtone.api.web;
