package dev.dialtone.integrations.voice;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vector was computed independently:
 * {@code printf '%s' "1739537400.$BODY" | openssl dgst -sha256 -hmac wsec_test_secret -hex}.
 */
class ElevenLabsSignatureTest {

    private static final String SECRET = "wsec_test_secret";
    private static final byte[] BODY = "{\"type\":\"post_call_transcription\",\"data\":{\"conversation_id\":\"abc\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1739537400L);
    private static final String DIGEST = "edc02bd9ccf9f2cb8fbca0e75684e554a8be89914db165d972b1f6efade05cfe";
    private static final String HEADER = "t=1739537400,v0=" + DIGEST;

    @Test
    void acceptsAValidSignature() {
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, HEADER, SIGNED_AT.plusSeconds(5))).isTrue();
    }

    @Test
    void signsLikeElevenLabs() {
        assertThat(ElevenLabsSignature.sign(SECRET, BODY, SIGNED_AT)).isEqualTo(HEADER);
    }

    @Test
    void acceptsUpToThirtyMinutesOfAgeAndNoMore() {
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, HEADER, SIGNED_AT.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, HEADER,
                SIGNED_AT.plus(Duration.ofMinutes(30)).plusSeconds(1))).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, HEADER,
                SIGNED_AT.minus(Duration.ofMinutes(30)).minusSeconds(1))).isFalse();
    }

    @Test
    void rejectsATamperedBodyAnotherSecretOrAMovedTimestamp() {
        byte[] tampered = "{\"type\":\"post_call_transcription\",\"data\":{\"conversation_id\":\"abd\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ElevenLabsSignature.verify(SECRET, tampered, HEADER, SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify("wsec_other", BODY, HEADER, SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "t=1739537401,v0=" + DIGEST, SIGNED_AT)).isFalse();
    }

    @Test
    void acceptsAnyMatchingV0AmongSeveral() {
        String rotating = "t=1739537400,v0=" + "00".repeat(32) + ",v0=" + DIGEST;

        assertThat(ElevenLabsSignature.verify(SECRET, BODY, rotating, SIGNED_AT)).isTrue();
    }

    @Test
    void rejectsMalformedHeadersWithoutThrowing() {
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, null, SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "", SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "v0=" + DIGEST, SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "t=1739537400", SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "t=soon,v0=" + DIGEST, SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify(SECRET, BODY, "t=1739537400,v0=zz", SIGNED_AT)).isFalse();
        assertThat(ElevenLabsSignature.verify("", BODY, HEADER, SIGNED_AT)).isFalse();
    }
}
