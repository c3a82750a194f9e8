package io.chatroi.gateway.routing;

/** The services behind the gateway. */
public enum Upstream {
    CONTACTS("contacts-service"),
    CAMPAIGN("campaign-service"),
    METRICS("metrics-service");

    private final String service;

    Upstream(String service) {
        this.service = service;
    }

    public String service() {
        return service;
    }

    /** The upstream a route rule names by its short name ({@code contacts}, {@code campaign}, {@code metrics}). */
    static Upstream named(String shortName) {
        return valueOf(shortName.toUpperCase(java.util.Locale.ROOT));
    }
}
