package io.chatroi.campaigns.conversation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationsTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    private static Conversations.Message in(String phone, Duration after) {
        return new Conversations.Message("inbound", phone, null, null, T.plus(after), "hi", "whatsapp");
    }

    private static Conversations.Message out(String phone, Duration after, String agent) {
        return new Conversations.Message("outbound", phone, null, agent, T.plus(after), "hello", "logged");
    }

    @Test
    void aGapOfMoreThan24HoursStartsANewConversationAndExactly24HoursDoesNot() {
        List<Conversations.Conversation> conversations = Conversations.group(List.of(
                in("+1", Duration.ZERO), out("+1", Duration.ofHours(24), "a"),
                in("+1", Duration.ofHours(48).plusSeconds(1)), in("+2", Duration.ofHours(48).plusSeconds(2))));
        assertThat(conversations).extracting(Conversations.Conversation::messages).containsExactly(2, 1, 1);
        assertThat(conversations).extracting(Conversations.Conversation::phone).containsExactly("+1", "+1", "+2");
    }

    @Test
    void firstResponseRunsFromTheFirstInboundToTheNextOutboundAndTurnsCountAnsweredOutboundRuns() {
        Conversations.Conversation c = Conversations.group(List.of(
                out("+1", Duration.ZERO, "campaign"), in("+1", Duration.ofMinutes(5)), in("+1", Duration.ofMinutes(6)),
                out("+1", Duration.ofMinutes(9), "li"), out("+1", Duration.ofMinutes(10), "li"),
                in("+1", Duration.ofMinutes(12)), out("+1", Duration.ofMinutes(13), "wang"))).get(0);
        assertThat(c.firstResponseSeconds()).isEqualTo(240);
        assertThat(c.turns()).isEqualTo(2);
        assertThat(c.inbound()).isEqualTo(3);
        assertThat(c.outbound()).isEqualTo(4);
        assertThat(c.agents()).containsExactly("campaign", "li", "wang");
        assertThat(c.startedAt()).isEqualTo(T);
        assertThat(c.endedAt()).isEqualTo(T.plus(Duration.ofMinutes(13)));
    }

    @Test
    void noInboundOrNoAnswerMeansNoFirstResponseTime() {
        assertThat(Conversations.group(List.of(out("+1", Duration.ZERO, "a"))).get(0).firstResponseSeconds()).isNull();
        assertThat(Conversations.group(List.of(in("+1", Duration.ZERO))).get(0).firstResponseSeconds()).isNull();
        assertThat(Conversations.group(List.of())).isEmpty();
    }
}
