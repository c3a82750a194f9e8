package io.chatroi.contacts.tag;

import java.time.Instant;

/** A tag as the API returns it; system tags are set automatically and cannot be deleted. */
public record TagView(String name, String colour, String category, String description, boolean system,
                      Instant createdAt, Instant updatedAt) {

    static TagView of(Tag tag) {
        return new TagView(tag.name, tag.colour, tag.category, tag.description, tag.system, tag.createdAt,
                tag.updatedAt);
    }
}
