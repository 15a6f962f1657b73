package dev.dialtone.integrations.voice;

import dev.dialtone.domain.agent.api.VoicePlatform;

/** What a voice-platform webhook can tell Dialtone: a finished call or a health observation. */
public sealed interface PlatformSignal permits PlatformCall, PlatformHealth {

    VoicePlatform platform();

    /** The idempotency id of the signal: a repeat delivery carries the same id and is stored once. */
    String sourceId();
}
