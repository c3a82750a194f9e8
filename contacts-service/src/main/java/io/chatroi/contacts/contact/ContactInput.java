package io.chatroi.contacts.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The writable fields of a contact, for create and (as a JSON merge patch target) for update. */
public record ContactInput(String phone, String name, String company, String country, String language,
                           String timeZone, String source, String owner, String stage, Instant acceptedAt,
                           Boolean optedOut, UUID referredBy, Map<String, Object> attributes, List<String> tags) {
}
