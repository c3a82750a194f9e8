package io.chatroi.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of every service: code that needs "now" injects {@link Clock} instead of calling
 * {@code Instant.now()}, so a test can install its own clock (QuarkusMock) and prove time-dependent behaviour
 * without sleeping or depending on the machine's speed.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
