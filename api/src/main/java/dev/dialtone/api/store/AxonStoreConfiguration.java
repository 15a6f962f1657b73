package dev.dialtone.api.store;

import dev.dialtone.domain.signal.api.AgentSignal;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's JDBC stores on PostgreSQL; the tables come from the Flyway migrations in {@code db/migration}. */
@Configuration(proxyBeanMethods = false)
public class AxonStoreConfiguration {

    /** PostgreSQL's unique violation (SQLState 23505) must read as a concurrency conflict, not a storage failure. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * Signals are stored without an aggregate, so Axon's default per-aggregate sequencing would spread one agent's
     * signals over all segments. Sequencing by agent keeps each agent's facts in order on one thread.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> agentSequencingPolicy() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return event -> event.getPayload() instanceof AgentSignal signal
                ? signal.agentId().value()
                : perAggregate.getSequenceIdentifierFor(event);
    }
}
