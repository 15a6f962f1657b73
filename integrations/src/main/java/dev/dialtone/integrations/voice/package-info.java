/**
 * Voice-platform webhooks in Dialtone's terms: parsers, outcome tables and signature checks for Twilio, Vapi,
 * Retell and ElevenLabs, free of any web framework so the api module only wires them to endpoints.
 */
package dev.dialtone.integrations.voice;
