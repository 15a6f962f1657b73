package dev.dialtone.api.support;

/** API keys the integration tests configure: two tenants, and every role for the first. */
public final class TestKeys {

    public static final String SMITH_OPERATOR = "smith-operator-key-000000000001";
    public static final String SMITH_INGEST = "smith-ingest-key-0000000000000002";
    public static final String SMITH_READER = "smith-reader-key-0000000000000003";
    public static final String JONES_OPERATOR = "jones-operator-key-00000000000004";

    private TestKeys() {
    }

    /** The keys as command-line or test properties. */
    public static String[] properties() {
        return new String[]{
                "dialtone.api-keys[0].key=" + SMITH_OPERATOR, "dialtone.api-keys[0].tenant=smith-law",
                "dialtone.api-keys[0].role=operator",
                "dialtone.api-keys[1].key=" + SMITH_INGEST, "dialtone.api-keys[1].tenant=smith-law",
                "dialtone.api-keys[1].role=ingest",
                "dialtone.api-keys[2].key=" + SMITH_READER, "dialtone.api-keys[2].tenant=smith-law",
                "dialtone.api-keys[2].role=reader",
                "dialtone.api-keys[3].key=" + JONES_OPERATOR, "dialtone.api-keys[3].tenant=jones-clinic",
                "dialtone.api-keys[3].role=operator"};
    }
}
