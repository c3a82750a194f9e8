package io.chatroi.contacts.preference;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendRulesTest {

    private static final ContactWindow OFFICE = new ContactWindow(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
    private static final SendRules RULES = new SendRules(3, List.of());
    private static final SendRules.MarketingHistory NONE_SENT = SendRules.MarketingHistory.EMPTY;

    private static SendRules.ContactState contact(String zone, ContactWindow... windows) {
        return new SendRules.ContactState(false, false, ZoneId.of(zone),
                new Preferences("text", List.of(windows), null, false));
    }

    @Test
    void quietHoursAreJudgedInEachContactsOwnTimeZone() {
        // Monday 2026-11-23 02:00 UTC = 10:00 in Shanghai (open) and 23:00 Sunday in Sao Paulo (closed)
        Instant at = Instant.parse("2026-11-23T02:00:00Z");
        assertThat(RULES.check(contact("Asia/Shanghai", OFFICE), MessageCategory.MARKETING, at, NONE_SENT).allowed())
                .isTrue();
        Eligibility saoPaulo = RULES.check(contact("America/Sao_Paulo", OFFICE), MessageCategory.MARKETING, at, NONE_SENT);
        assertThat(saoPaulo.allowed()).isFalse();
        assertThat(saoPaulo.reason()).isEqualTo(Eligibility.OUTSIDE_WINDOW);
        // next opening: Monday 09:00 in Sao Paulo (UTC-3) = 12:00 UTC
        assertThat(saoPaulo.nextAllowedAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
    }

    @Test
    void aWindowMayCrossMidnight() {
        ContactWindow evenings = new ContactWindow(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(20, 0), LocalTime.of(2, 0));
        SendRules.ContactState berlin = contact("UTC", evenings);
        assertThat(RULES.check(berlin, MessageCategory.MARKETING, Instant.parse("2026-11-27T21:00:00Z"), NONE_SENT)
                .allowed()).as("Friday 21:00").isTrue();
        assertThat(RULES.check(berlin, MessageCategory.MARKETING, Instant.parse("2026-11-28T01:30:00Z"), NONE_SENT)
                .allowed()).as("Saturday 01:30").isTrue();
        assertThat(RULES.check(berlin, MessageCategory.MARKETING, Instant.parse("2026-11-28T02:30:00Z"), NONE_SENT)
                .allowed()).as("Saturday 02:30").isFalse();
    }

    @Test
    void optOutBlocksMarketingForeverButNotAuthentication() {
        var optedOut = new SendRules.ContactState(false, true, ZoneId.of("UTC"), Preferences.NONE);
        Eligibility marketing = RULES.check(optedOut, MessageCategory.MARKETING, Instant.now(), NONE_SENT);
        assertThat(marketing.reason()).isEqualTo(Eligibility.OPTED_OUT);
        assertThat(marketing.nextAllowedAt()).isNull();
        assertThat(RULES.check(optedOut, MessageCategory.AUTHENTICATION, Instant.now(), NONE_SENT).allowed()).isTrue();
    }

    @Test
    void weeklyCapUsesTheContactsCapElseTheWorkspaceDefault() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Instant oldest = Instant.parse("2026-11-18T10:00:00Z");
        var own = new SendRules.ContactState(false, false, ZoneId.of("UTC"), new Preferences(null, List.of(), 2, false));
        Eligibility capped = RULES.check(own, MessageCategory.MARKETING, at, new SendRules.MarketingHistory(2, oldest, oldest));
        assertThat(capped.reason()).isEqualTo(Eligibility.WEEKLY_CAP_REACHED);
        assertThat(capped.nextAllowedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        var defaults = new SendRules.ContactState(false, false, ZoneId.of("UTC"), Preferences.NONE);
        assertThat(RULES.check(defaults, MessageCategory.MARKETING, at, new SendRules.MarketingHistory(2, oldest, oldest))
                .allowed()).isTrue();
        assertThat(RULES.check(defaults, MessageCategory.MARKETING, at, new SendRules.MarketingHistory(3, oldest, oldest))
                .allowed()).isFalse();
        assertThat(RULES.check(own, MessageCategory.UTILITY, at, new SendRules.MarketingHistory(9, oldest, oldest))
                .allowed()).as("utility messages do not count against the marketing cap").isTrue();
    }

    @Test
    void passiveContactsGetOneNewsletterPerMonth() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        var passive = new SendRules.ContactState(false, false, ZoneId.of("UTC"), new Preferences(null, List.of(), null, true));
        Instant last = Instant.parse("2026-11-10T10:00:00Z");
        Eligibility answer = RULES.check(passive, MessageCategory.MARKETING, at, new SendRules.MarketingHistory(0, null, last));
        assertThat(answer.reason()).isEqualTo(Eligibility.PASSIVE_MONTHLY_LIMIT);
        assertThat(answer.nextAllowedAt()).isEqualTo(Instant.parse("2026-12-10T10:00:00Z"));
    }
}
