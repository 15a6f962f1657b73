package dev.dialtone.integrations.voice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HMAC vectors were computed independently with {@code openssl dgst -hmac}, e.g.
 * {@code printf '%s' "1761914400.$BODY" | openssl dgst -sha256 -hmac vapi-hmac-secret -hex}.
 */
class VapiAuthenticationTest {

    private static final String SECRET = "vapi-hmac-secret";
    private static final byte[] BODY = "{\"message\":{\"type\":\"end-of-call-report\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String URL = "https://dialtone.example/webhooks/vapi/smith-law-intake";
    private static final String TIMESTAMP = "1761914400";
    private static final Instant SENT = Instant.ofEpochSecond(1761914400L);
    private static final String DEFAULT_SIGNATURE = "458f985620d6991d438f20a6f8bc70b05abc5b271944bea5cdfd1478b1929b28";

    private static Map<String, String> signed(String signature) {
        return Map.of("x-timestamp", TIMESTAMP, "x-signature", signature);
    }

    @Test
    void acceptsTheSecretInXVapiSecretInAnyHeaderCase() {
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("X-Vapi-Secret", "s3cret"))).isTrue();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("x-vapi-secret", "s3cret"))).isTrue();
    }

    @Test
    void acceptsTheSecretAsABearerToken() {
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("Authorization", "Bearer s3cret"))).isTrue();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("authorization", "bearer s3cret"))).isTrue();
    }

    @Test
    void rejectsAWrongMissingOrUnprefixedSecret() {
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("X-Vapi-Secret", "s3cret2"))).isFalse();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("X-Vapi-Secret", "s3cre"))).isFalse();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("Authorization", "s3cret"))).isFalse();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of("Authorization", "Basic s3cret"))).isFalse();
        assertThat(VapiAuthentication.verifySecret("s3cret", Map.of())).isFalse();
    }

    @Test
    void anAgentWithoutASecretAcceptsNothing() {
        assertThat(VapiAuthentication.verifySecret("", Map.of("X-Vapi-Secret", ""))).isFalse();
        assertThat(VapiAuthentication.verifySecret(null, Map.of("X-Vapi-Secret", "anything"))).isFalse();
        assertThat(VapiAuthentication.verify("", "POST", URL, Map.of("X-Vapi-Secret", ""), BODY, SENT)).isFalse();
    }

    @Test
    void acceptsAnHmacSignatureMadeWithVapisDefaults() {
        assertThat(VapiAuthentication.verifyHmac(VapiHmacPlan.sha256(SECRET), "POST", URL, signed(DEFAULT_SIGNATURE),
                BODY, SENT.plusSeconds(60))).isTrue();
        assertThat(VapiAuthentication.verifyHmac(VapiHmacPlan.sha256(SECRET), "POST", URL,
                signed(DEFAULT_SIGNATURE.toUpperCase()), BODY, SENT)).isTrue();
    }

    @Test
    void rejectsAnHmacSignatureOlderOrNewerThanFiveMinutes() {
        VapiHmacPlan plan = VapiHmacPlan.sha256(SECRET);

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, signed(DEFAULT_SIGNATURE), BODY,
                SENT.plusSeconds(300))).isTrue();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, signed(DEFAULT_SIGNATURE), BODY,
                SENT.plusSeconds(301))).isFalse();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, signed(DEFAULT_SIGNATURE), BODY,
                SENT.minusSeconds(301))).isFalse();
    }

    @Test
    void acceptsATimestampInMillisecondsAndJudgesItsAgeInTheSameUnit() {
        Map<String, String> headers = Map.of("x-timestamp", "1761914400000",
                "x-signature", "3ef3dad8f19788429026b1e71d366993b66f02a48f7779361d7aae66fb2fd9c1");
        VapiHmacPlan plan = VapiHmacPlan.sha256(SECRET);

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, headers, BODY, SENT.plusSeconds(10))).isTrue();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, headers, BODY, SENT.plusSeconds(400))).isFalse();
    }

    @Test
    void judgesTheAgeOfIsoTimestampsAndRefusesUnreadableOnes() {
        assertThat(VapiAuthentication.fresh("2025-10-31T12:40:00Z", SENT.plusSeconds(10))).isTrue();
        assertThat(VapiAuthentication.fresh("2025-10-31T12:40:00Z", SENT.plusSeconds(400))).isFalse();
        assertThat(VapiAuthentication.fresh("last tuesday", SENT)).isFalse();
        assertThat(VapiAuthentication.fresh("", SENT)).isFalse();
    }

    @Test
    void rejectsATamperedBodyAForgedSignatureOrAMissingTimestamp() {
        VapiHmacPlan plan = VapiHmacPlan.sha256(SECRET);
        byte[] tampered = "{\"message\":{\"type\":\"end-of-call-report\" }}".getBytes(StandardCharsets.UTF_8);

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, signed(DEFAULT_SIGNATURE), tampered, SENT)).isFalse();
        assertThat(VapiAuthentication.verifyHmac(VapiHmacPlan.sha256("other-secret"), "POST", URL,
                signed(DEFAULT_SIGNATURE), BODY, SENT)).isFalse();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, signed("zz-not-hex"), BODY, SENT)).isFalse();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, Map.of("x-signature", DEFAULT_SIGNATURE), BODY,
                SENT)).isFalse();
        // The timestamp is signed: moving it to look fresh breaks the signature.
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL,
                Map.of("x-timestamp", "1761914460", "x-signature", DEFAULT_SIGNATURE), BODY, SENT)).isFalse();
    }

    @Test
    void followsACustomPlanWithSha512Base64APrefixAndAFormatWithMethodAndUrl() {
        VapiHmacPlan plan = new VapiHmacPlan(SECRET, "sha512", "x-vapi-signature", null, "sha512=", null,
                "{method} {url} {timestamp} {body}", null, "base64", null);
        String signature = "sha512=tH6XbRilmaYRCmW9VIF5xVMXxX78GLHwtyfNeDKVudxVEAvvqw3a2YYI6LE49hZhJGJopNJghALR/1SPIY+1RQ==";
        Map<String, String> headers = Map.of("X-Timestamp", TIMESTAMP, "X-Vapi-Signature", signature);

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, headers, BODY, SENT)).isTrue();
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL + "-other", headers, BODY, SENT)).isFalse();
        assertThat(VapiAuthentication.verifyHmac(plan, "PUT", URL, headers, BODY, SENT)).isFalse();
    }

    @Test
    void followsAPlanWithoutTimestampSha1AndABase64Secret() {
        // secretKey is base64 of "secret-bytes"; the payload is the body alone, so no timestamp is needed.
        VapiHmacPlan plan = new VapiHmacPlan("c2VjcmV0LWJ5dGVz", "sha1", null, null, null, false, null, null, "hex",
                true);
        Map<String, String> headers = Map.of("x-signature", "1f16670af2ac69aa7f23972e12213fb00e7b4c09");

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, headers, BODY, SENT.plusSeconds(86_400))).isTrue();
        VapiHmacPlan notDecoded = new VapiHmacPlan("c2VjcmV0LWJ5dGVz", "sha1", null, null, null, false, null, null,
                "hex", false);
        assertThat(VapiAuthentication.verifyHmac(notDecoded, "POST", URL, headers, BODY, SENT)).isFalse();
    }

    @Test
    void signsTheMessageIdOfSvixStyleFormats() {
        VapiHmacPlan plan = new VapiHmacPlan(SECRET, "sha256", null, null, null, null,
                "{svix-id} {timestamp} {body}", "webhook-id", null, null);
        Map<String, String> headers = Map.of("webhook-id", "msg_2Lh9", "x-timestamp", TIMESTAMP,
                "x-signature", "f12fcabc87db4fc85c30e9d31ae47e4e9ece7773373c91a619ba9128c1722449");

        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, headers, BODY, SENT)).isTrue();
        Map<String, String> otherMessage = Map.of("webhook-id", "msg_other", "x-timestamp", TIMESTAMP,
                "x-signature", "f12fcabc87db4fc85c30e9d31ae47e4e9ece7773373c91a619ba9128c1722449");
        assertThat(VapiAuthentication.verifyHmac(plan, "POST", URL, otherMessage, BODY, SENT)).isFalse();
    }

    @Test
    void oneConfiguredSecretWorksAsHeaderBearerOrDefaultHmacKey() {
        assertThat(VapiAuthentication.verify(SECRET, "POST", URL, Map.of("X-Vapi-Secret", SECRET), BODY, SENT)).isTrue();
        assertThat(VapiAuthentication.verify(SECRET, "POST", URL, Map.of("Authorization", "Bearer " + SECRET), BODY,
                SENT)).isTrue();
        assertThat(VapiAuthentication.verify(SECRET, "POST", URL, signed(DEFAULT_SIGNATURE), BODY, SENT)).isTrue();
        assertThat(VapiAuthentication.verify(SECRET, "POST", URL, signed(DEFAULT_SIGNATURE), BODY,
                SENT.plusSeconds(3600))).isFalse();
        assertThat(VapiAuthentication.verify(SECRET, "POST", URL, Map.of(), BODY, SENT)).isFalse();
    }

    @Test
    void aPlanNamesTheSettingThatIsWrong() {
        assertThatThrownBy(() -> new VapiHmacPlan(SECRET, "md5", null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("algorithm");
        assertThatThrownBy(() -> new VapiHmacPlan("", "sha256", null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretKey");
        assertThatThrownBy(() -> new VapiHmacPlan(SECRET, "sha256", null, null, null, null, null, null, "base32", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signatureEncoding");
        assertThatThrownBy(() -> new VapiHmacPlan("not base64!", "sha256", null, null, null, null, null, null, null,
                true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretIsBase64");
    }

    @Test
    void aPlanNeverPrintsItsSecret() {
        assertThat(VapiHmacPlan.sha256(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void thePlanHasEverySettingOfVapisHmacSchema() {
        JsonNode schema = Samples.json("vapi_HMACAuthenticationPlan_schema_openapi.json");
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> components = Arrays.stream(VapiHmacPlan.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        // `type` is the discriminator, always "hmac"; everything else is a setting the check must honour.
        assertThat(properties).contains("type");
        assertThat(components).containsExactlyInAnyOrderElementsOf(
                properties.stream().filter(property -> !property.equals("type")).toList());
    }
}
