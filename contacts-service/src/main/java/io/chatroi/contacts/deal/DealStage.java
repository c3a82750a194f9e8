package io.chatroi.contacts.deal;

/** inquiry -> quoted -> won | lost; won and lost are final. */
public enum DealStage {
    INQUIRY, QUOTED, WON, LOST;

    public String wire() {
        return name().toLowerCase();
    }

    public static DealStage fromWire(String value) {
        for (DealStage stage : values()) {
            if (stage.wire().equals(value)) {
                return stage;
            }
        }
        return null;
    }

    public boolean isFinal() {
        return this == WON || this == LOST;
    }

    public boolean canMoveTo(DealStage next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case INQUIRY -> true;
            case QUOTED -> next == WON || next == LOST;
            case WON, LOST -> false;
        };
    }
}
