package dev.scaletoolkit.spring.boot;

import dev.scaletoolkit.client.callback.CallbackHandler;
import dev.scaletoolkit.client.callback.CallbackVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** The callback endpoint, in a servlet web application once {@code scale.callback.auth-key} is set. */
@AutoConfiguration(after = ScaleAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "scale.callback", name = "auth-key")
public class ScaleCallbackAutoConfiguration {
    /** Created by Spring. */
    public ScaleCallbackAutoConfiguration() {}

    /**
     * The endpoint.
     *
     * @param properties {@code scale.callback.*}
     * @param handlers the application's handlers, in their order
     * @param events where callbacks are published
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean
    public ScaleCallbackController scaleCallbackController(
            ScaleProperties properties, ObjectProvider<CallbackHandler> handlers, ApplicationEventPublisher events) {
        return new ScaleCallbackController(
                CallbackVerifier.of(properties.getCallback().getAuthKey()),
                handlers.orderedStream().toList(),
                events);
    }
}
