package dev.dialtone.integrations.pagerduty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class PagerDutyWebhookSignatureTest {

    /** From PagerDuty's go-pagerduty {@code webhookv3/webhookv3_test.go}; the body is in test resources. */
    private static final String GO_SECRET = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK";
    private static final String GO_VALID = "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd";
    private static final String GO_MISMATCH = "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5";

    private static final byte[] BODY = PagerDutySamples.bytes("webhook-v3_signature-vector_go-pagerduty.body.json");
    private static final String OLD_SECRET = "old-subscription-secret";
    private static final String NEW_SECRET = "new-subscription-secret";

    private static String independentHmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void acceptsPagerDutysOwnTestVector() {
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_VALID, List.of(GO_SECRET))).isTrue();
        assertThat(PagerDutyWebhookSignature.sign(BODY, GO_SECRET)).isEqualTo(GO_VALID);
    }

    @Test
    void refusesPagerDutysMismatchVector() {
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_MISMATCH, List.of(GO_SECRET))).isFalse();
    }

    @Test
    void signsWithHexHmacSha256OfTheRawBody() throws Exception {
        byte[] body = "{\"event\":{\"event_type\":\"pagey.ping\"}}".getBytes(StandardCharsets.UTF_8);
        String expected = "v1=" + independentHmacHex(NEW_SECRET, body);

        assertThat(PagerDutyWebhookSignature.sign(body, NEW_SECRET)).isEqualTo(expected);
        assertThat(PagerDutyWebhookSignature.verify(body, expected, List.of(NEW_SECRET))).isTrue();
    }

    @Test
    void acceptsAnyOfTheSignaturesPagerDutySendsDuringARotation() throws Exception {
        String header = "v1=" + independentHmacHex(OLD_SECRET, BODY) + ",v1=" + independentHmacHex(NEW_SECRET, BODY);

        assertThat(PagerDutyWebhookSignature.verify(BODY, header, List.of(NEW_SECRET))).isTrue();
        assertThat(PagerDutyWebhookSignature.verify(BODY, header, List.of(OLD_SECRET))).isTrue();
        assertThat(PagerDutyWebhookSignature.verify(BODY, header.replace(",", ", "), List.of(NEW_SECRET))).isTrue();
    }

    @Test
    void acceptsAnyOfTheSecretsWeHoldDuringARotation() {
        String header = PagerDutyWebhookSignature.sign(BODY, NEW_SECRET);

        assertThat(PagerDutyWebhookSignature.verify(BODY, header, List.of(OLD_SECRET, NEW_SECRET))).isTrue();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String header = PagerDutyWebhookSignature.sign(BODY, "someone-else");

        assertThat(PagerDutyWebhookSignature.verify(BODY, header, List.of(OLD_SECRET, NEW_SECRET))).isFalse();
    }

    @Test
    void refusesATamperedBody() {
        String header = PagerDutyWebhookSignature.sign(BODY, NEW_SECRET);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("\"status\":\"triggered\"", "\"status\":\"resolved\"").getBytes(StandardCharsets.UTF_8);

        assertThat(tampered).isNotEqualTo(BODY);
        assertThat(PagerDutyWebhookSignature.verify(tampered, header, List.of(NEW_SECRET))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "v1=", ",", "0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd"})
    void refusesAMissingBlankOrMalformedHeader(String header) {
        assertThat(PagerDutyWebhookSignature.verify(BODY, header, List.of(GO_SECRET))).isFalse();
    }

    @Test
    void refusesOtherSignatureVersions() {
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_VALID.replace("v1=", "v0="), List.of(GO_SECRET)))
                .isFalse();
    }

    @Test
    void aGarbledValueDoesNotHideAValidOneNextToIt() {
        assertThat(PagerDutyWebhookSignature.verify(BODY, "v1=not-hex," + GO_VALID, List.of(GO_SECRET))).isTrue();
    }

    @Test
    void hexCaseDoesNotMatter() {
        String upper = "v1=" + GO_VALID.substring(3).toUpperCase(Locale.ROOT);

        assertThat(PagerDutyWebhookSignature.verify(BODY, upper, List.of(GO_SECRET))).isTrue();
    }

    @Test
    void withoutASecretNothingIsAuthentic() {
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_VALID, List.of())).isFalse();
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_VALID, null)).isFalse();
        assertThat(PagerDutyWebhookSignature.verify(BODY, GO_VALID, java.util.Arrays.asList("", null))).isFalse();
    }
}
