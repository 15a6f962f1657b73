/**
 * The Slack bot: a channel per incident with a live card and every timeline step, cards for Slack targets, and the
 * {@code /dialtone} command and card buttons coming back in.
 */
package dev.dialtone.api.slack;
