package dev.dialtone.api.store;

import dev.dialtone.api.support.IntegrationTestBase;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appends commit in the order of their global indexes: an append waits while an earlier one's transaction is open,
 * so a processor reading the store never sees a later append before an earlier one.
 */
class EventAppendOrderIntegrationTest extends IntegrationTestBase {

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anAppendWaitsUntilTheEarlierAppendHasCommitted() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            storage.appendEvents(List.of(event(first)));
            appended.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> storage.appendEvents(List.of(event(second))));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> !later.isDone());

        commit.countDown();
        earlier.get(30, TimeUnit.SECONDS);
        later.get(30, TimeUnit.SECONDS);
        assertThat(index(second)).isGreaterThan(index(first));
    }

    private static GenericEventMessage<String> event(String id) {
        return new GenericEventMessage<>(id, "append-order-" + id, org.axonframework.messaging.MetaData.emptyInstance(),
                java.time.Instant.now());
    }

    private long index(String eventId) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                eventId);
    }
}
