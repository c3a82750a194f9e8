package io.chatroi.contacts.segment;

import java.util.Map;

/** A saved audience: {@code filter} uses the contact list's filter names (tagsAll, stages, behaviour...). */
public record SegmentInput(String name, String description, Map<String, Object> filter) {
}
