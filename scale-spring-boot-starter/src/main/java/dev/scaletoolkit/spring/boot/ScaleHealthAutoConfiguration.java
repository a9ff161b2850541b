package dev.scaletoolkit.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code scale} health indicator, on whichever health API the application's Boot line has: reachability and
 * key validity, never the key. {@code scale.health.enabled=false} turns it off.
 */
@AutoConfiguration(after = ScaleAutoConfiguration.class)
@ConditionalOnProperty(prefix = "scale", name = "api-key")
public class ScaleHealthAutoConfiguration {
    /** Created by Spring. */
    public ScaleHealthAutoConfiguration() {}

    private static ScaleHealthCheck check(ScaleProperties properties) {
        return new ScaleHealthCheck(
                properties.getBaseUrl(),
                properties.getApiKey(),
                properties.getHealth().getTimeout());
    }

    /** Spring Boot 3.x. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "scale.health", name = "enabled", matchIfMissing = true)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean(name = "scaleHealthIndicator")
        @ConditionalOnMissingBean(name = "scaleHealthIndicator")
        ScaleHealthIndicators.Boot3 scaleHealthIndicator(ScaleProperties properties) {
            return new ScaleHealthIndicators.Boot3(check(properties));
        }
    }

    /** Spring Boot 4.x. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "scale.health", name = "enabled", matchIfMissing = true)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean(name = "scaleHealthIndicator")
        @ConditionalOnMissingBean(name = "scaleHealthIndicator")
        ScaleHealthIndicators.Boot4 scaleHealthIndicator(ScaleProperties properties) {
            return new ScaleHealthIndicators.Boot4(check(properties));
        }
    }
}
