package dev.dialtone.domain.agent.api;

import java.util.Objects;

/**
 * Where Dialtone asks for calls to be moved when the agent is down: a signed POST to {@code url}, naming the
 * {@code backupNumber} that should answer instead.
 */
public record FailoverTarget(String url, String backupNumber, String secret) {

    public FailoverTarget {
        Objects.requireNonNull(url, "failover.url");
    }
}
