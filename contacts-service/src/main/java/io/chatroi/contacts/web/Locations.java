package io.chatroi.contacts.web;

import java.net.URI;
import java.net.URISyntaxException;

/** Relative Location URIs for created resources. */
public final class Locations {

    private Locations() {
    }

    /** {@code id} is quoted as a path segment needs: a tag's name may hold a space. */
    public static URI of(String collection, Object id) {
        try {
            return new URI(null, null, collection + id, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
