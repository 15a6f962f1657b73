package dev.dialtone.api.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** How Dialtone's event processors behave when a handler fails, and how sagas are stored. */
@Configuration(proxyBeanMethods = false)
public class AxonProcessingConfiguration {

    /**
     * A failing handler fails its batch, which rolls back and is retried with backoff. Axon's default logs and
     * skips the event: for detection that would lose an incident, for a projection a row.
     */
    @Bean
    public ConfigurerModule propagateHandlerFailures() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * The general serializer (sagas, tokens, snapshots): Jackson reading and writing fields, so sagas keep their
     * state private without getters. Events and messages keep the application's mapper.
     */
    @Bean
    @Primary
    public Serializer serializer(ObjectMapper mapper) {
        ObjectMapper fields = mapper.copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(fields).lenientDeserialization().build();
    }
}
