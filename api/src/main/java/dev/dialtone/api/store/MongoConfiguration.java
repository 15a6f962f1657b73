package dev.dialtone.api.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.dialtone.api.config.DialtoneProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The projection store, reached with the MongoDB reactive driver: {@code dialtone.mongodb.uri} if set, otherwise an
 * embedded MongoDB-wire server in the data directory.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(DialtoneProperties properties, ObjectProvider<EmbeddedMongoServer> embedded) {
        EmbeddedMongoServer server = embedded.getIfAvailable();
        String uri = server == null ? properties.mongodb().uri() : server.connectionString();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    public MongoDatabase mongoDatabase(MongoClient client, DialtoneProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }
}
