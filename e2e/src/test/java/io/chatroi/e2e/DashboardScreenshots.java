package io.chatroi.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * Not a test: takes the README's screenshots (docs/screenshots/) of a running dev/up demo, and runs only when asked:
 * {@code ./mvnw -B -q -pl e2e verify -Dtest=DashboardScreenshots -Dchatroi.screenshots.key=<admin key>}
 * (optionally {@code -Dchatroi.screenshots.url=http://127.0.0.1:8080}).
 */
class DashboardScreenshots {

    @Test
    void overviewAndCampaignOfTheDemo() throws Exception {
        String key = System.getProperty("chatroi.screenshots.key");
        Assumptions.assumeTrue(key != null && !key.isBlank() && Browser.installed(), "-Dchatroi.screenshots.key not set");
        String url = System.getProperty("chatroi.screenshots.url", "http://127.0.0.1:8080");
        try (Browser browser = new Browser(url, Services.root().resolve("docs/screenshots"), 1280, 1400)) {
            browser.signIn(key);
            browser.open("overview");
            browser.find("[data-kpi=sent]");
            Thread.sleep(1500); // let the charts finish their entry animation
            browser.screenshot("overview");
            String campaign = (String) browser.script("return fetch('/api/v1/campaigns', {headers: {Authorization:"
                    + " 'Bearer ' + sessionStorage.getItem('chatroi.apiKey')}}).then(r => r.json()).then(p => p.items[0].id)");
            browser.open("campaigns/" + campaign);
            browser.find("[data-counter=sent]");
            Thread.sleep(1500);
            browser.screenshot("campaign");
        }
    }
}
