package dev.dialtone.api.config;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.incident.api.IncidentId;
import dev.dialtone.domain.tenancy.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * Typed identifiers are plain strings in JSON, in HTTP bodies and in stored events alike (Axon serializes events
 * with this same mapper), so {@code "agentId": "smith-law-intake"} rather than {@code {"value": ...}}.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfiguration {

    /** Every signal is serialized once when stored and deserialized by each processor: make that cheap. */
    @Bean
    public Module blackbird() {
        return new BlackbirdModule();
    }

    @Bean
    public Module dialtoneIdentifiers() {
        SimpleModule module = new SimpleModule("dialtone-identifiers");
        register(module, AgentId.class, AgentId::new);
        register(module, TenantId.class, TenantId::new);
        register(module, IncidentId.class, IncidentId::new);
        return module;
    }

    private static <T> void register(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new FromStringDeserializer<>(type) {
            @Override
            protected T _deserialize(String value, DeserializationContext context) {
                return parse.apply(value);
            }
        });
    }
}
