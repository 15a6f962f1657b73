/**
 * Slack as Dialtone speaks it: a blocking Web API client whose failures say whether our scheduler should retry,
 * the incident card and timeline lines in Block Kit, channel names, and the inbound side (request signatures,
 * {@code /dialtone} commands and button clicks), free of any web framework so the api module only wires them up.
 */
package dev.dialtone.integrations.slack;
