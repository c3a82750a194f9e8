package io.chatroi.contacts.filter;

/**
 * The order of a contact list, decided by its filter: newest first normally; oldest change first when syncing;
 * most recently active first when the filter asks for recent activity. The last keeps activity views fast: the
 * matches sit together in the last-inbound index, however many newer contacts never wrote.
 */
public enum ContactOrder {
    NEWEST("created_at", "DESC"),
    SYNC("updated_at", "ASC"),
    RECENTLY_ACTIVE("last_inbound_at", "DESC");

    private final String column;
    private final String direction;

    ContactOrder(String column, String direction) {
        this.column = column;
        this.direction = direction;
    }

    public String column() {
        return column;
    }

    public String orderBy() {
        return "c." + column + " " + direction + ", c.id " + direction;
    }

    /** The keyset comparison that means "after" in this order. */
    public String after() {
        return "ASC".equals(direction) ? ">" : "<";
    }
}
