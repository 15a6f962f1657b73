package dev.dialtone.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.api.store.EmbeddedPostgresServer;
import dev.dialtone.api.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Bearer API keys on {@code /api/**} and {@code /graphql}: {@code ingest} may post signals, {@code reader} may read,
 * {@code operator} may do both and change configuration. Webhooks and Slack endpoints authenticate by signature
 * instead; health and metrics are open for probes and scrapers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final String BEARER = "Bearer ";

    @Bean
    public ApiKeys apiKeys(DialtoneProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        List<DialtoneProperties.ApiKey> keys = new ArrayList<>(properties.apiKeys());
        if (keys.isEmpty()) {
            if (embedded.getIfAvailable() == null) {
                throw new IllegalStateException("dialtone.api-keys is empty: configure at least one key "
                        + "(dialtone.api-keys[0].key, .tenant, .role); only the embedded default generates one");
            }
            keys.add(DemoApiKey.loadOrCreate(properties.dataDir()));
        }
        return new ApiKeys(keys);
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeys apiKeys,
                                                         ObjectMapper mapper) {
        AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(authenticationManager(apiKeys));
        apiKeyFilter.setServerAuthenticationConverter(bearerKey());
        apiKeyFilter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/graphql"));
        apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        apiKeyFilter.setAuthenticationFailureHandler((webFilterExchange, e) -> Problems.write(
                webFilterExchange.getExchange(),
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "the API key is not valid"), mapper));

        String operator = DialtoneProperties.Role.OPERATOR.name();
        String ingest = DialtoneProperties.Role.INGEST.name();
        String reader = DialtoneProperties.Role.READER.name();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/signals/**").hasAnyRole(ingest, operator)
                        .pathMatchers(HttpMethod.GET, "/api/**").hasAnyRole(reader, operator)
                        .pathMatchers("/api/**").hasRole(operator)
                        .pathMatchers("/graphql").hasAnyRole(reader, operator)
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> Problems.write(exchange,
                                Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                                        "send an API key as 'Authorization: Bearer <key>'"), mapper))
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange,
                                Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                                        "this API key's role may not " + exchange.getRequest().getMethod() + " "
                                                + exchange.getRequest().getPath().value()), mapper)))
                .build();
    }

    private static ServerAuthenticationConverter bearerKey() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Mono.empty();
            }
            String key = header.substring(BEARER.length()).trim();
            return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("api-key", key));
        };
    }

    private static ReactiveAuthenticationManager authenticationManager(ApiKeys apiKeys) {
        return authentication -> Mono.justOrEmpty(apiKeys.find((String) authentication.getCredentials()))
                .switchIfEmpty(Mono.error(new BadCredentialsException("unknown API key")))
                .map(SecurityConfiguration::authenticated);
    }

    private static Authentication authenticated(Caller caller) {
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
    }
}
