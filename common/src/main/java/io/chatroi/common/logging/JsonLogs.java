package io.chatroi.common.logging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.logging.Handler;

/**
 * {@code CHATROI_LOG_FORMAT=json} (the Kubernetes default) turns the console into {@link JsonLogFormat} lines as
 * the service starts; {@code text} (the default, dev/up) keeps Quarkus' pattern. Lines written while Quarkus itself
 * boots (before the first application event) keep the pattern format.
 */
@ApplicationScoped
public class JsonLogs {

    private final String format;
    private final String service;

    public JsonLogs(@ConfigProperty(name = "chatroi.log.format", defaultValue = "text") String format,
                    @ConfigProperty(name = "quarkus.application.name") String service) {
        this.format = format;
        this.service = service;
    }

    void install(@Observes @Priority(1) StartupEvent event) {
        if (!"json".equalsIgnoreCase(format.trim())) {
            if (!"text".equalsIgnoreCase(format.trim())) {
                org.jboss.logging.Logger.getLogger(JsonLogs.class)
                        .warnf("CHATROI_LOG_FORMAT=%s is neither json nor text; logging text", format);
            }
            return;
        }
        JsonLogFormat json = new JsonLogFormat(service);
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            useJson(handler, json);
        }
    }

    private static void useJson(Handler handler, JsonLogFormat json) {
        if (handler instanceof ConsoleHandler) {
            handler.setFormatter(json);
        }
        if (handler instanceof ExtHandler parent) {
            for (Handler child : parent.getHandlers()) {
                useJson(child, json);
            }
        }
    }
}
