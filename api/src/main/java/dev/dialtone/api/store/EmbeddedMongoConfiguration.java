package dev.dialtone.api.store;

import dev.dialtone.api.config.DialtoneProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded default for read models: used only when no {@code dialtone.mongodb.uri} is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${dialtone.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    public EmbeddedMongoServer embeddedMongoServer(DialtoneProperties properties) {
        return "memory".equals(properties.embedded().mongoBackend())
                ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.onDisk(properties.dataDir());
    }
}
