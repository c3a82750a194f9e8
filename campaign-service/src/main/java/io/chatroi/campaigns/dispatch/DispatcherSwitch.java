package io.chatroi.campaigns.dispatch;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Lets a deployment (or a test that drives the dispatcher itself) turn the periodic dispatch off. */
@Singleton
public class DispatcherSwitch implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public DispatcherSwitch(@ConfigProperty(name = "chatroi.dispatcher.enabled") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
