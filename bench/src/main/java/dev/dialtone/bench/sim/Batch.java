package dev.dialtone.bench.sim;

import java.util.List;

/** One POST's worth of signals of one kind: the body is built once, so a resend is byte for byte the same. */
record Batch(String path, List<String> ids, String body) {

    int size() {
        return ids.size();
    }
}
