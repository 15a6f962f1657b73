package dev.dialtone.api.store;

import dev.dialtone.domain.agent.api.AgentScoped;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/** Axon's JDBC stores on PostgreSQL; the tables come from the Flyway migrations in {@code db/migration}. */
@Configuration(proxyBeanMethods = false)
public class AxonStoreConfiguration {

    static final int READ_BATCH_SIZE = 500;

    /** PostgreSQL's unique violation (SQLState 23505) must read as a concurrency conflict, not a storage failure. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, but reading 500 events per query instead of 100
     * (signals arrive in batches of hundreds, and processors catching up spend most of their time on round trips),
     * committing appends in the order of their positions, and parsing each event's timestamp once
     * ({@link DialtoneEventStorageEngine}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager) {
        return new DialtoneEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .batchSize(READ_BATCH_SIZE), new EventSchema(), transactionManager);
    }

    /**
     * Axon's JDBC token store, with the node's name settable ({@code dialtone.node-id}): two nodes must never claim
     * tokens under the same name, and the default (pid@host) collides for processes in containers that all run as
     * pid 1 on hosts with the same name, or for two applications in one JVM.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TokenStoreProperties tokenStoreProperties,
                                 @Value("${dialtone.node-id:}") String nodeId) {
        String node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(node)
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /**
     * Signals are stored without an aggregate, so Axon's default per-aggregate sequencing would spread one agent's
     * signals over all segments. Sequencing everything about an agent by agent (signals, its configuration and its
     * incidents) keeps each agent's story in order on one thread.
     */
    @Bean
    public SequencingPolicy<EventMessage<?>> agentSequencingPolicy() {
        SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();
        return event -> event.getPayload() instanceof AgentScoped scoped
                ? scoped.agentId().value()
                : perAggregate.getSequenceIdentifierFor(event);
    }
}
