package dev.dialtone.api.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.dialtone.api.config.DialtoneProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default for events, tokens, sagas and timers: used only when no {@code spring.datasource.url} is
 * configured (the {@code postgres} profile sets one).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedPostgresServer embeddedPostgresServer(DialtoneProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embedded().durable());
    }

    /** Closed before the server it depends on, so PostgreSQL stops only after the last connection is gone. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgresServer server, DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(server.jdbcUrl() + "?reWriteBatchedInserts=true")
                .username(server.user())
                .password("")
                .build();
    }
}
