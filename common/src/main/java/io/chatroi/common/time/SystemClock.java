package io.chatroi.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The {@link Clock} new code takes its time from (UTC); a test or a service may produce its own instead. */
@ApplicationScoped
public class SystemClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
