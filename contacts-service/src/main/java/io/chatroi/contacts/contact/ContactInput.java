package io.chatroi.contacts.contact;

import io.chatroi.common.input.TextRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The writable fields of a contact, for create and (as a JSON merge patch target) for update. */
public record ContactInput(String phone,
                           @Schema(maxLength = TextRules.MAX_LABEL, pattern = TextRules.LINE_PATTERN) String name,
                           @Schema(maxLength = TextRules.MAX_LABEL, pattern = TextRules.LINE_PATTERN) String company,
                           String country, String language, String timeZone, String source,
                           @Schema(maxLength = TextRules.MAX_OWNER, pattern = TextRules.OWNER_PATTERN) String owner,
                           String stage, Instant acceptedAt, Boolean optedOut, UUID referredBy,
                           @Schema(description = "at most 100 keys, 4 levels deep, 16,000 characters in all")
                           Map<String, Object> attributes, List<String> tags) {
}
