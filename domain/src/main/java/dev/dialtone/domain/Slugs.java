package dev.dialtone.domain;

import java.util.regex.Pattern;

/** The one rule for user-chosen identifiers (agents, policies, tenants), so URLs and keys stay predictable. */
public final class Slugs {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    private Slugs() {
    }

    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** Returns the value, or throws with a message naming {@code what} if it is not a slug. */
    public static String require(String value, String what) {
        if (!isSlug(value)) {
            throw new IllegalArgumentException(what + " must be 1-" + MAX_LENGTH
                    + " lowercase letters, digits or '-', starting with a letter or digit");
        }
        return value;
    }
}
