package dev.dialtone.integrations.voice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes and checks {@code X-Twilio-Signature}, so only Twilio (holder of the account's auth token) can post
 * status callbacks for an agent.
 *
 * <p>From Twilio's "Webhooks security" documentation: the signature is base64(HMAC-SHA1(key = auth token,
 * message = the full URL Twilio requested, followed by each POST parameter's name and value, sorted by name)).
 * Twilio may have signed the URL with or without the scheme's default port ({@code :443}, {@code :80}), so, like
 * Twilio's own validators, the check accepts the URL as given, without its port, and with the default port added.
 * The URL must be the public one Twilio called ({@code dialtone.public-base-url} + path + query), not the one a
 * proxy forwarded.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    public static String compute(String authToken, String url, Map<String, String> params) {
        return Base64.getEncoder().encodeToString(mac(authToken, url, params));
    }

    /** True when the header is Twilio's signature of this URL (in any of its port spellings) and parameters. */
    public static boolean verify(String authToken, String url, Map<String, String> params, String signatureHeader) {
        if (authToken == null || authToken.isEmpty() || url == null || signatureHeader == null) {
            return false;
        }
        boolean valid = false;
        // Every variant is checked, so the time taken does not reveal which spelling matched.
        for (String candidate : urlVariants(url)) {
            valid |= Hmac.matchesBase64(mac(authToken, candidate, params), signatureHeader);
        }
        return valid;
    }

    private static byte[] mac(String authToken, String url, Map<String, String> params) {
        StringBuilder message = new StringBuilder(url);
        // Unix-style case-sensitive sort by name, which is String's natural (UTF-16 code unit) order.
        new TreeMap<>(params == null ? Map.<String, String>of() : params).forEach((name, value) ->
                message.append(name).append(value == null ? "" : value));
        return Hmac.sign(Hmac.SHA1, Hmac.utf8(authToken), Hmac.utf8(message.toString()));
    }

    /** The URL as given, without a port, and with the scheme's default port when it had none. */
    static Set<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUri) {
            return variants;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return variants;
        }
        int defaultPort = switch (uri.getScheme().toLowerCase(java.util.Locale.ROOT)) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        variants.add(withPort(uri, -1));
        if (uri.getPort() == -1 && defaultPort != -1) {
            variants.add(withPort(uri, defaultPort));
        }
        return variants;
    }

    // Rebuilt from the raw components so the path and query keep exactly the encoding Twilio signed.
    private static String withPort(URI uri, int port) {
        StringBuilder url = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            url.append(uri.getRawUserInfo()).append('@');
        }
        url.append(uri.getHost());
        if (port != -1) {
            url.append(':').append(port);
        }
        if (uri.getRawPath() != null) {
            url.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            url.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            url.append('#').append(uri.getRawFragment());
        }
        return url.toString();
    }
}
