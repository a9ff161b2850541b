package dev.scaletoolkit.spring.boot;

import dev.scaletoolkit.client.ClientOptions;
import dev.scaletoolkit.client.ScaleClient;
import dev.scaletoolkit.client.http.Transport;
import dev.scaletoolkit.client.internal.JdkTransport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ScaleClient} bean, built from {@link ScaleProperties} once {@code scale.api-key} is set, timed by
 * Micrometer when a {@code MeterRegistry} bean exists. Declare a {@code ScaleClient} bean of your own to replace
 * it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(ScaleClient.class)
@EnableConfigurationProperties(ScaleProperties.class)
public class ScaleAutoConfiguration {
    /** Created by Spring. */
    public ScaleAutoConfiguration() {}

    /**
     * The client.
     *
     * @param properties {@code scale.*}
     * @param transports a timed transport when Micrometer is present
     * @return a client on {@code scale.api-key}, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "scale", name = "api-key")
    public ScaleClient scaleClient(ScaleProperties properties, ObjectProvider<ScaleTransport> transports) {
        ClientOptions.Builder options = ClientOptions.builder()
                .apiKey(properties.getApiKey())
                .baseUrl(properties.getBaseUrl())
                .connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .maxRetries(properties.getMaxRetries())
                .userAgentSuffix("spring-boot");
        ScaleTransport transport = transports.getIfAvailable();
        if (transport != null) {
            options.transport(transport.create(properties));
        }
        return ScaleClient.create(options.build());
    }

    /** Makes the client's transport; a bean only when there is something to add (timings). */
    @FunctionalInterface
    public interface ScaleTransport {
        /**
         * A transport for the client.
         *
         * @param properties {@code scale.*}, for the timeouts
         * @return the transport
         */
        Transport create(ScaleProperties properties);
    }

    /** Micrometer timings, when Micrometer and a registry are there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean(ScaleTransport.class)
        ScaleTransport scaleMeteredTransport(ObjectProvider<MeterRegistry> registries) {
            return properties -> {
                Transport jdk = new JdkTransport(
                        properties.getConnectTimeout(), properties.getReadTimeout(), Clock.systemUTC());
                MeterRegistry registry = registries.getIfAvailable();
                return registry == null ? jdk : new MeteredTransport(jdk, registry);
            };
        }
    }
}
