package io.chatroi.common.whatsapp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageKindTest {

    @Test
    void writtenMessagesAreRepliesEngagementAndTurns() {
        for (String type : new String[]{"text", "button", "interactive", "image", "audio", "video", "document",
                "sticker", "location", "contacts", "order", "ephemeral"}) {
            MessageKind kind = MessageKind.of(type);
            assertTrue(kind.reply() && kind.engagement() && kind.turn(), type + " is " + kind);
        }
    }

    @Test
    void aReactionIsEngagementOnly() {
        MessageKind reaction = MessageKind.of("reaction");
        assertEquals(MessageKind.REACTION, reaction);
        assertFalse(reaction.reply());
        assertTrue(reaction.engagement());
        assertFalse(reaction.turn());
        assertTrue(MessageKind.of("click").engagement());
        assertFalse(MessageKind.of("click").reply());
    }

    @Test
    void noticesRevokesEditsAndUndeliverableContentCountForNothing() {
        for (String type : new String[]{"unreaction", "system", "revoke", "edit", "unsupported", "unknown",
                "user_preferences"}) {
            MessageKind kind = MessageKind.of(type);
            assertFalse(kind.reply() || kind.engagement() || kind.turn(), type + " is " + kind);
        }
    }

    @Test
    void typesAreReadWhateverTheirCaseAndAMissingTypeIsAText() {
        assertEquals(MessageKind.MEDIA, MessageKind.of(" Image "));
        assertEquals(MessageKind.TEXT, MessageKind.of(null));
        assertEquals(MessageKind.OTHER, MessageKind.of("phone_call"));
        assertTrue(MessageKind.of("phone_call").reply());
    }

    @Test
    void outboundMessagesAreTurnsButNeverReplies() {
        assertTrue(MessageKind.isTurn("outbound", "template"));
        assertTrue(MessageKind.isTurn("outbound", "text"));
        assertFalse(MessageKind.of("template").reply());
        assertFalse(MessageKind.isTurn("inbound", "reaction"));
        assertFalse(MessageKind.isTurn("inbound", "user_preferences"));
        assertTrue(MessageKind.isTurn("inbound", "text"));
    }

    @Test
    void theTypesThatAreNoTurnCanBeListedForSql() {
        assertEquals(java.util.List.of("click", "deleted", "edit", "reaction", "revoke", "system", "unknown",
                "unreaction", "unsupported", "user_preferences"),
                java.util.List.of(MessageKind.typesWhere(kind -> !kind.turn())));
    }
}
