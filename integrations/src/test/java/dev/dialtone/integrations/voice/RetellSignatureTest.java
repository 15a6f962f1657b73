package dev.dialtone.integrations.voice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetellSignatureTest {

    private static final JsonNode VECTOR = Samples.json("retell_signature_test-vector.json");
    private static final String API_KEY = VECTOR.get("api_key").asText();
    private static final byte[] BODY = VECTOR.get("body").asText().getBytes(StandardCharsets.UTF_8);
    private static final String HEADER = VECTOR.get("expected_header").asText();
    private static final Instant SIGNED_AT = Instant.ofEpochMilli(VECTOR.get("timestamp_ms").asLong());

    @Test
    void acceptsTheSdkTestVector() {
        assertThat(RetellSignature.verify(API_KEY, BODY, HEADER, SIGNED_AT.plusSeconds(1))).isTrue();
    }

    @Test
    void signsLikeRetell() {
        assertThat(RetellSignature.sign(API_KEY, BODY, SIGNED_AT)).isEqualTo(HEADER);
        assertThat(HEADER).endsWith(VECTOR.get("expected_digest").asText());
    }

    @Test
    void acceptsUpToFiveMinutesOfAgeOrSkewAndNoMore() {
        long tolerance = VECTOR.get("tolerance_ms").asLong();

        assertThat(RetellSignature.verify(API_KEY, BODY, HEADER, SIGNED_AT.plusMillis(tolerance))).isTrue();
        assertThat(RetellSignature.verify(API_KEY, BODY, HEADER, SIGNED_AT.plusMillis(tolerance + 1))).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, HEADER, SIGNED_AT.minusMillis(tolerance + 1))).isFalse();
    }

    @Test
    void rejectsATamperedBodyOrAnotherKey() {
        byte[] tampered = "{\"event\":\"call_analyzed\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(RetellSignature.verify(API_KEY, tampered, HEADER, SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify("another-api-key", BODY, HEADER, SIGNED_AT)).isFalse();
    }

    @Test
    void rejectsAReplayWithAFreshTimestampBecauseTheTimestampIsSigned() {
        Instant later = SIGNED_AT.plusSeconds(3600);
        String replayed = HEADER.replace("v=" + SIGNED_AT.toEpochMilli(), "v=" + later.toEpochMilli());

        assertThat(RetellSignature.verify(API_KEY, BODY, replayed, later)).isFalse();
    }

    @Test
    void rejectsMalformedHeadersWithoutThrowing() {
        assertThat(RetellSignature.verify(API_KEY, BODY, null, SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "v=1700000000000", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "d=07024cab", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "v=soon,d=07024cab", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "v=99999999999999999999,d=00", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify(API_KEY, BODY, "v=1700000000000,d=not-hex", SIGNED_AT)).isFalse();
        assertThat(RetellSignature.verify("", BODY, HEADER, SIGNED_AT)).isFalse();
    }
}
