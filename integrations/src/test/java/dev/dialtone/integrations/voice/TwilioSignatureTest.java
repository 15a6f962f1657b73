package dev.dialtone.integrations.voice;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureTest {

    private static final JsonNode EXAMPLE = Samples.json("twilio_signature_docs-example.json");
    private static final String TOKEN = EXAMPLE.get("auth_token").asText();
    private static final String URL = EXAMPLE.get("url").asText();
    private static final String SIGNATURE = EXAMPLE.get("expected_signature").asText();

    /** In the order the docs list them (Digits, To, From, Caller, CallSid), which is not sorted. */
    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        EXAMPLE.get("params").fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        return params;
    }

    @Test
    void computesTheSignatureOfTwilioDocumentedExample() {
        assertThat(TwilioSignature.compute(TOKEN, URL, params())).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTwilioDocumentedExample() {
        assertThat(TwilioSignature.verify(TOKEN, URL, params(), SIGNATURE)).isTrue();
    }

    @Test
    void acceptsASignatureTwilioMadeWithTheDefaultPortWhenTheRequestUrlHasNone() {
        String signedWithPort = TwilioSignature.compute(TOKEN, "https://example.com:443/myapp.php?foo=1&bar=2", params());

        assertThat(signedWithPort).isNotEqualTo(SIGNATURE);
        assertThat(TwilioSignature.verify(TOKEN, URL, params(), signedWithPort)).isTrue();
    }

    @Test
    void acceptsASignatureTwilioMadeWithoutThePortWhenTheRequestUrlHasIt() {
        assertThat(TwilioSignature.verify(TOKEN, "https://example.com:443/myapp.php?foo=1&bar=2", params(), SIGNATURE))
                .isTrue();
    }

    @Test
    void appliesPort80ToPlainHttp() {
        String signedWithPort = TwilioSignature.compute(TOKEN, "http://example.com:80/hook", params());

        assertThat(TwilioSignature.verify(TOKEN, "http://example.com/hook", params(), signedWithPort)).isTrue();
        assertThat(TwilioSignature.verify(TOKEN, "http://example.com/hook", params(),
                TwilioSignature.compute(TOKEN, "http://example.com:443/hook", params()))).isFalse();
    }

    @Test
    void doesNotInventANonDefaultPort() {
        String signedOn8443 = TwilioSignature.compute(TOKEN, "https://example.com:8443/myapp.php?foo=1&bar=2", params());

        assertThat(TwilioSignature.verify(TOKEN, URL, params(), signedOn8443)).isFalse();
    }

    @Test
    void rejectsATamperedParameter() {
        Map<String, String> tampered = params();
        tampered.put("Digits", "9999");

        assertThat(TwilioSignature.verify(TOKEN, URL, tampered, SIGNATURE)).isFalse();
    }

    @Test
    void rejectsAnAddedParameter() {
        Map<String, String> extended = params();
        extended.put("CallStatus", "completed");

        assertThat(TwilioSignature.verify(TOKEN, URL, extended, SIGNATURE)).isFalse();
    }

    @Test
    void rejectsAnotherAccountsToken() {
        assertThat(TwilioSignature.verify("54321", URL, params(), SIGNATURE)).isFalse();
    }

    @Test
    void rejectsTheSignatureOfAnotherUrl() {
        assertThat(TwilioSignature.verify(TOKEN, "https://example.com/myapp.php?foo=1&bar=3", params(), SIGNATURE))
                .isFalse();
        assertThat(TwilioSignature.verify(TOKEN, "https://attacker.example/myapp.php?foo=1&bar=2", params(), SIGNATURE))
                .isFalse();
    }

    @Test
    void rejectsMissingOrGarbledHeadersWithoutThrowing() {
        assertThat(TwilioSignature.verify(TOKEN, URL, params(), null)).isFalse();
        assertThat(TwilioSignature.verify(TOKEN, URL, params(), "")).isFalse();
        assertThat(TwilioSignature.verify(TOKEN, URL, params(), "not base64 at all!")).isFalse();
        assertThat(TwilioSignature.verify("", URL, params(), SIGNATURE)).isFalse();
        assertThat(TwilioSignature.verify(TOKEN, "not a url with spaces", params(), SIGNATURE)).isFalse();
    }
}
