package io.chatroi.contacts.web;

import java.net.URI;

/** Relative Location URIs for created resources. */
public final class Locations {

    private Locations() {
    }

    public static URI of(String collection, Object id) {
        return URI.create(collection + id);
    }
}
