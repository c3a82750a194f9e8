package io.chatroi.campaigns.campaign;

public enum CampaignAction {
    LAUNCH, PAUSE, RESUME, CANCEL, COMPLETE;

    public String wire() {
        return name().toLowerCase();
    }
}
