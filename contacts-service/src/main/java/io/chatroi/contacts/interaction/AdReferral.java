package io.chatroi.contacts.interaction;

/** The click-to-WhatsApp ad a message came from (Meta's {@code referral}). */
public record AdReferral(String sourceId, String sourceType, String sourceUrl, String headline, String ctwaClid) {
}
