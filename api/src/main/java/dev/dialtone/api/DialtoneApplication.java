package dev.dialtone.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Dialtone; with no configuration it runs on its embedded, durable stores under {@code ./data}. */
@SpringBootApplication(scanBasePackages = "dev.dialtone", exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan("dev.dialtone")
public class DialtoneApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; this machine (and many production networks) has no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(DialtoneApplication.class, args);
    }
}
