package io.chatroi.common.whatsapp;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each kind of message means for the numbers, decided once for every service: whether an inbound message is a
 * reply (credited to the send it answers, counted in replyRate and reply goals), whether it is engagement (the
 * contact did something: replies, reactions and link clicks), and whether it is a turn of the conversation
 * (conversations, turns, deep interactions, response times).
 *
 * <p>A reaction is engagement but not a reply: tapping an emoji is not an answer. A removed reaction, a system
 * notice (number or identity changed), a revoke, an edit of an earlier message and a message WhatsApp could not
 * deliver to us ({@code unsupported}, {@code unknown}) are none of the three: nothing new was said. An ephemeral
 * (disappearing) message was written by the contact, so it counts although its content is hidden. Outbound messages
 * are turns, never replies.
 */
public enum MessageKind {

    TEXT(true, true, true),
    BUTTON(true, true, true),
    INTERACTIVE(true, true, true),
    MEDIA(true, true, true),
    LOCATION(true, true, true),
    CONTACTS(true, true, true),
    ORDER(true, true, true),
    EPHEMERAL(true, true, true),
    REACTION(false, true, false),
    UNREACTION(false, false, false),
    SYSTEM(false, false, false),
    REVOKE(false, false, false),
    EDIT(false, false, false),
    UNSUPPORTED(false, false, false),
    /** A tracked-link open: engagement, but no message was written. */
    CLICK(false, true, false),
    /** A user_preferences change (stop or resume marketing): a setting, not a message. */
    PREFERENCE(false, false, false),
    /** A template or agent message we sent. */
    OUTBOUND(false, false, true),
    /** A type this table does not know (an integrator's own label): counted as a written message. */
    OTHER(true, true, true);

    private final boolean reply;
    private final boolean engagement;
    private final boolean turn;

    MessageKind(boolean reply, boolean engagement, boolean turn) {
        this.reply = reply;
        this.engagement = engagement;
        this.turn = turn;
    }

    public boolean reply() {
        return reply;
    }

    public boolean engagement() {
        return engagement;
    }

    public boolean turn() {
        return turn;
    }

    /** Every type this table names: Meta's {@code messages[].type} values and the product's own labels. */
    private static final Map<String, MessageKind> TYPES = Map.ofEntries(
            Map.entry("text", TEXT), Map.entry("button", BUTTON), Map.entry("interactive", INTERACTIVE),
            Map.entry("image", MEDIA), Map.entry("audio", MEDIA), Map.entry("video", MEDIA),
            Map.entry("document", MEDIA), Map.entry("sticker", MEDIA), Map.entry("voice", MEDIA),
            Map.entry("location", LOCATION), Map.entry("contacts", CONTACTS), Map.entry("order", ORDER),
            Map.entry("ephemeral", EPHEMERAL), Map.entry("reaction", REACTION), Map.entry("unreaction", UNREACTION),
            Map.entry("system", SYSTEM), Map.entry("revoke", REVOKE), Map.entry("deleted", REVOKE),
            Map.entry("edit", EDIT), Map.entry("unsupported", UNSUPPORTED), Map.entry("unknown", UNSUPPORTED),
            Map.entry("click", CLICK), Map.entry("user_preferences", PREFERENCE), Map.entry("template", OUTBOUND));

    /**
     * The kind of a stored message type: Meta's {@code messages[].type}, or the product's own labels (reaction vs
     * unreaction is decided by the parser, since Meta sends both as {@code reaction}). A missing type is a typed
     * message, as integrators log chats without one.
     */
    public static MessageKind of(String type) {
        if (type == null || type.isBlank()) {
            return TEXT;
        }
        return TYPES.getOrDefault(type.trim().toLowerCase(Locale.ROOT), OTHER);
    }

    /** The named types whose kind matches, for SQL that must leave the others out (sorted, for stable plans). */
    public static String[] typesWhere(Predicate<MessageKind> test) {
        return TYPES.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).sorted()
                .toArray(String[]::new);
    }

    /** Whether a message of this type and direction is a turn; every outbound message is one. */
    public static boolean isTurn(String direction, String type) {
        return "outbound".equals(direction) ? of(type) != CLICK && of(type) != PREFERENCE : of(type).turn();
    }
}
