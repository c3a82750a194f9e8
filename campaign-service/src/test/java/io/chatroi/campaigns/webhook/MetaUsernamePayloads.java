package io.chatroi.campaigns.webhook;

/**
 * Meta's documented examples for usernames and business-scoped user ids (the "Business-scoped user IDs" page of
 * the WhatsApp Cloud API reference) and for statuses of messages sent to a group, byte for byte except the message
 * ids and timestamps, which tests make unique. Meta's own inbound example writes the contact's user_id with a stray
 * leading "u" ("uUS.1349..."), unlike the message's from_user_id; it is kept, since real deliveries may do the same.
 */
public final class MetaUsernamePayloads {

    private MetaUsernamePayloads() {
    }

    /** An incoming text from a user who enabled the username feature; Meta could not include the phone. */
    public static String usernameText(String messageId, long timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson",
                "username":"@realsheenanelson"},"user_id":"uUS.13491208655302741918",
                "parent_user_id":"US.11815799212886844830"}],"messages":[{"from_user_id":"US.13491208655302741918",
                "from_parent_user_id":"US.11815799212886844830","id":"%s","timestamp":"%d","type":"text",
                "text":{"body":"Does it come in another color?"}}]},"field":"messages"}]}]}"""
                .formatted(messageId, timestamp);
    }

    /** A delivered status of a message sent to a user's BSUID; Meta could not include the phone. */
    public static String deliveredToBsuid(String messageId, long timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Pablo M.",
                "username":"@pablomorales"},"user_id":"US.13491208655302741918",
                "parent_user_id":"US.11815799212886844830"}],"statuses":[{"id":"%s","status":"delivered",
                "timestamp":"%d","recipient_user_id":"US.13491208655302741918",
                "parent_user_id":"US.11815799212886844830","pricing":{"billable":true,"pricing_model":"PMP",
                "type":"regular","category":"marketing"}}]},"field":"messages"}]}]}"""
                .formatted(messageId, timestamp);
    }

    /**
     * A status of a message sent to a group, for one member: the group is the recipient, the member the
     * participant (by phone, else by BSUID), with the member in contacts[].
     */
    public static String groupStatus(String messageId, String status, long timestamp, String groupId,
                                     String participantPhone, String participantUserId) {
        String participant = (participantPhone == null ? "" : "\"recipient_participant_id\":\"" + participantPhone
                + "\",") + "\"recipient_participant_user_id\":\"" + participantUserId + "\",";
        String waId = participantPhone == null ? "" : "\"wa_id\":\"" + participantPhone + "\",";
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Member"},%s
                "user_id":"%s"}],"statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s",
                "recipient_type":"group",%s"pricing":{"billable":true,"pricing_model":"PMP","type":"regular",
                "category":"marketing"}}]},"field":"messages"}]}]}"""
                .formatted(waId, participantUserId, messageId, status, timestamp, groupId, participant);
    }

    /** A marketing opt-out or resume (user_preferences) from a user Meta names by BSUID alone (no wa_id). */
    public static String preference(String userId, String value, long timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson",
                "username":"@realsheenanelson"},"user_id":"%s"}],"user_preferences":[{"user_id":"%s",
                "detail":"User requested to stop marketing messages","category":"marketing_messages",
                "value":"%s","timestamp":%d}]},"field":"user_preferences"}]}]}"""
                .formatted(userId, userId, value, timestamp);
    }

    /**
     * A user's BSUID changed and Meta shares no phone: the system notice carries the new BSUID and the one it
     * replaces, and no contacts array.
     */
    public static String userChangedUserId(String messageId, long timestamp, String previousUserId, String userId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"messages":[{"id":"%s","timestamp":"%d","type":"system",
                "system":{"body":"User Sheena Nelson changed their business-scoped user ID","user_id":"%s",
                "previous_user_id":"%s","type":"user_changed_user_id"}}]},"field":"messages"}]}]}"""
                .formatted(messageId, timestamp, userId, previousUserId);
    }

    /**
     * A user changed their phone number: sent from the old one, naming the new one (wa_id) and, since a new number
     * brings a new BSUID, the new and previous BSUIDs.
     */
    public static String userChangedNumber(String messageId, long timestamp, String oldPhone, String newPhone,
                                           String previousUserId, String userId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"messages":[{"from":"%s","id":"%s","timestamp":"%d",
                "type":"system","system":{"body":"User Sheena Nelson changed from %s to %s","wa_id":"%s",
                "user_id":"%s","previous_user_id":"%s","type":"user_changed_number"}}]},"field":"messages"}]}]}"""
                .formatted(oldPhone, messageId, timestamp, oldPhone, newPhone, newPhone, userId, previousUserId);
    }
}
