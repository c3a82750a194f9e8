package io.chatroi.contacts.preference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Days and hours in the contact's own time zone when messages are welcome. A window whose end is not after its
 * start crosses midnight: "FRI 20:00-02:00" runs from Friday 20:00 to Saturday 02:00.
 */
public record ContactWindow(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    public boolean contains(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (!crossesMidnight()) {
            return days.contains(day) && !time.isBefore(start) && time.isBefore(end);
        }
        return (days.contains(day) && !time.isBefore(start))
                || (days.contains(day.minus(1)) && time.isBefore(end));
    }

    /** The start of this window on {@code date} in {@code zone}, or null when the window is closed that day. */
    public ZonedDateTime opensOn(LocalDate date, ZoneId zone) {
        return days.contains(date.getDayOfWeek()) ? ZonedDateTime.of(date, start, zone) : null;
    }
}
