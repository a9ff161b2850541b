package dev.scaletoolkit.spring.sample;

import dev.scaletoolkit.client.callback.CallbackEvent;
import dev.scaletoolkit.client.callback.CallbackHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A user application in a package of its own (a scan from here must not reach the starter). The smallest application using the starter: a callback handler that remembers what arrived. */
@SpringBootApplication
public class StarterApp {
    public static final List<CallbackEvent> RECEIVED = new CopyOnWriteArrayList<>();

    @Bean
    CallbackHandler rememberCallbacks() {
        return RECEIVED::add;
    }
}
