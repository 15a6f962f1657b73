package dev.dialtone.integrations.slack;

import com.slack.api.app_backend.SlackSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack's worked example from "Verifying requests from Slack", and what must not pass. */
class SlackRequestVerifierTest {

    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final String BODY = SlackSamples.text("signing_example_body.form.txt");
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    private static SlackRequestVerifier at(Instant now) {
        return new SlackRequestVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void signsSlacksExampleAsSlackDocumentsIt() {
        assertThat(SlackRequestVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void signsAsTheSdksGeneratorDoes() {
        String unicodeBody = "{\"text\":\"Zürich ☎ 前台\"}";
        SlackSignature.Generator generator = new SlackSignature.Generator(SECRET);

        assertThat(SlackRequestVerifier.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(generator.generate(TIMESTAMP, BODY));
        assertThat(SlackRequestVerifier.sign(SECRET, TIMESTAMP, unicodeBody))
                .isEqualTo(generator.generate(TIMESTAMP, unicodeBody));
    }

    @Test
    void acceptsSlacksExampleWhenItArrives() {
        assertThat(at(SENT.plusSeconds(2)).verify(TIMESTAMP, SIGNATURE, BODY)).isTrue();
    }

    @Test
    void acceptsClocksUpToFiveMinutesApartEitherWay() {
        assertThat(at(SENT.plus(Duration.ofMinutes(5))).verify(TIMESTAMP, SIGNATURE, BODY)).isTrue();
        assertThat(at(SENT.minus(Duration.ofMinutes(5))).verify(TIMESTAMP, SIGNATURE, BODY)).isTrue();
    }

    @Test
    void rejectsARequestSixMinutesOldEvenWhenSignedCorrectly() {
        assertThat(at(SENT.plus(Duration.ofMinutes(6))).verify(TIMESTAMP, SIGNATURE, BODY)).isFalse();
    }

    @Test
    void rejectsATimestampFromTheFuture() {
        Instant now = Instant.parse("2026-11-25T08:00:00Z");
        String future = Long.toString(now.plus(Duration.ofMinutes(6)).getEpochSecond());

        assertThat(at(now).verify(future, SlackRequestVerifier.sign(SECRET, future, BODY), BODY)).isFalse();
    }

    @Test
    void rejectsATamperedBody() {
        String tampered = BODY.replace("user_id=U2CERLKJA", "user_id=U0ATTACKER");

        assertThat(at(SENT).verify(TIMESTAMP, SIGNATURE, tampered)).isFalse();
        assertThat(at(SENT).verify(TIMESTAMP, SIGNATURE, BODY + "&text=ack")).isFalse();
    }

    @Test
    void rejectsATamperedTimestampOrSignature() {
        String otherTime = Long.toString(SENT.getEpochSecond() + 1);

        assertThat(at(SENT).verify(otherTime, SIGNATURE, BODY)).isFalse();
        assertThat(at(SENT).verify(TIMESTAMP, SIGNATURE.replace("a211", "a212"), BODY)).isFalse();
        assertThat(at(SENT).verify(TIMESTAMP, SIGNATURE.substring(3), BODY)).as("without v0=").isFalse();
        assertThat(at(SENT).verify(TIMESTAMP, "v1=" + SIGNATURE.substring(3), BODY)).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged = SlackRequestVerifier.sign("another-apps-secret", TIMESTAMP, BODY);

        assertThat(at(SENT).verify(TIMESTAMP, forged, BODY)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "1531420618.5", "yesterday", "99999999999999999999"})
    void rejectsAMissingOrNonNumericTimestamp(String timestamp) {
        assertThat(at(SENT).verify(timestamp, SIGNATURE, BODY)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "v0=", "v0=zz"})
    void rejectsAMissingOrMalformedSignature(String signature) {
        assertThat(at(SENT).verify(TIMESTAMP, signature, BODY)).isFalse();
    }

    @Test
    void rejectsAMissingBody() {
        assertThat(at(SENT).verify(TIMESTAMP, SIGNATURE, null)).isFalse();
    }

    @Test
    void refusesToStartWithoutASigningSecret() {
        assertThatThrownBy(() -> new SlackRequestVerifier(" ", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialtone.slack.signing-secret");
    }
}
