package io.chatroi.contacts.tag;

/** Create or update a tag; on update every field is optional and the name cannot change. */
public record TagInput(String name, String colour, String category, String description) {
}
