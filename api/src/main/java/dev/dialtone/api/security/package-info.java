/** API keys: each acts for one tenant in one role; checked on every {@code /api/**} and GraphQL call. */
package dev.dialtone.api.security;
