package io.chatroi.metrics.report;

import java.time.LocalDate;

/**
 * A day range cut into the whole calendar months inside it, which a report reads from the monthly rollups, and the
 * days left over at either end, which it reads day by day: {@code head} is from..headEnd, {@code months} firstMonth
 * ..lastMonth (first days of months), {@code tail} tailStart..to. A part that is empty has its end before its start
 * (BETWEEN then matches nothing), and without a whole month the range is all head.
 */
public record MonthSplit(LocalDate from, LocalDate headEnd, LocalDate firstMonth, LocalDate lastMonth,
                         LocalDate tailStart, LocalDate to) {

    public static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastMonth = to.plusDays(1).withDayOfMonth(1);
        if (!firstMonth.isBefore(afterLastMonth)) {
            return new MonthSplit(from, to, firstMonth, firstMonth.minusMonths(1), to.plusDays(1), to);
        }
        return new MonthSplit(from, firstMonth.minusDays(1), firstMonth, afterLastMonth.minusMonths(1),
                afterLastMonth, to);
    }

    public boolean hasMonths() {
        return !lastMonth.isBefore(firstMonth);
    }
}
