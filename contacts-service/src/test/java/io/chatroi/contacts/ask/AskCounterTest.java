package io.chatroi.contacts.ask;

import io.chatroi.contacts.classification.RuleKind;
import io.chatroi.contacts.classification.TextClassifier;
import io.chatroi.contacts.classification.TriggerRule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AskCounterTest {

    private final TextClassifier classifier = new TextClassifier(List.of(
            new TriggerRule(RuleKind.INTENT, "high", "price"), new TriggerRule(RuleKind.INTENT, "high", "价格"),
            new TriggerRule(RuleKind.INTENT, "high", "多少钱"), new TriggerRule(RuleKind.INTEREST, "discount", "优惠"),
            new TriggerRule(RuleKind.OPT_OUT, "stop", "stop")));

    @Test
    void aMessageCountsOncePerTermAndOncePerRuleAndLanguage() {
        AskCounter counter = new AskCounter(classifier, AskCounter.Period.WEEK, ZoneId.of("UTC"));
        counter.add(Instant.parse("2026-01-01T10:00:00Z"), "价格多少钱？价格！");
        counter.add(Instant.parse("2026-01-01T11:00:00Z"), "price? 优惠");
        counter.add(Instant.parse("2026-01-01T12:00:00Z"), "please stop the price mails");
        counter.add(Instant.parse("2026-01-01T13:00:00Z"), "STOP!");

        List<TopAsks.Ask> top = counter.top(10);
        assertThat(top).contains(
                new TopAsks.Ask("2026-W01", "rule", "intent", "high", null, "zh", 1, 1),
                new TopAsks.Ask("2026-W01", "rule", "intent", "high", null, "en", 2, 1),
                new TopAsks.Ask("2026-W01", "term", "intent", "high", "price", "en", 2, 1),
                new TopAsks.Ask("2026-W01", "rule", "opt-out", "stop", null, "en", 1, 2));
        assertThat(top).filteredOn(a -> "zh".equals(a.language()) && "term".equals(a.level()))
                .extracting(TopAsks.Ask::term).containsExactly("价格", "多少钱", "优惠");
    }

    @Test
    void periodsFollowTheZone() {
        AskCounter counter = new AskCounter(classifier, AskCounter.Period.DAY, ZoneId.of("Asia/Shanghai"));
        counter.add(Instant.parse("2026-01-01T17:00:00Z"), "price");
        assertThat(counter.top(10)).extracting(TopAsks.Ask::period).containsOnly("2026-01-02");
    }
}
