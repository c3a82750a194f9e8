package io.chatroi.metrics.recompute;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When the nightly recompute is due: a Quartz cron read in the workspace time zone of the settings row, which an
 * admin can change at run time (a scheduler annotation fixes its zone at start). "off" is never due.
 */
public final class NightlySchedule {

    private final ExecutionTime times;

    public NightlySchedule(String cron) {
        this.times = cron == null || cron.isBlank() || cron.equalsIgnoreCase("off") ? null
                : ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ))
                        .parse(cron));
    }

    /** Whether the cron fires in {@code zone} after {@code after} and no later than {@code upTo}. */
    public boolean dueBetween(Instant after, Instant upTo, ZoneId zone) {
        if (times == null || !upTo.isAfter(after)) {
            return false;
        }
        Optional<java.time.ZonedDateTime> next = times.nextExecution(after.atZone(zone));
        return next.isPresent() && !next.get().toInstant().isAfter(upTo);
    }
}
