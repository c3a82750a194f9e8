package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Experiments whose goal is a won deal or revenue: each variant is credited the won deals (shop orders among them) of
 * its recipients inside the goal window, unless the deal is credited to another campaign or is in another currency;
 * the revenue goal compares revenue per send.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ExperimentGoalsApiTest {

    private static final Instant DAY = Instant.parse("2025-09-08T08:00:00Z");

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void aRevenueGoalCreditsEachVariantItsRecipientsOrdersAndComparesRevenuePerSend() {
        String campaign = Facts.campaign("Revenue A/B " + UUID.randomUUID(), "Wang Wu", "revenue", 7);
        String otherCampaign = UUID.randomUUID().toString();
        for (int i = 0; i < 400; i++) {
            boolean b = i % 2 == 1;
            int n = i / 2;
            String contact = UUID.randomUUID().toString();
            Instant sent = DAY.plusSeconds(30L * i);
            Facts.putSend(Facts.send(campaign, b ? "B" : "A", contact, "+14155550100", sent, null, null));
            // A: 40 buyers of 50.00; B: 30 buyers of 200.00 (fewer buyers, more revenue)
            if ((!b && n < 40) || (b && n < 30)) {
                Facts.wonDeal(contact, "Wang Wu", sent.plus(Duration.ofHours(1)), sent.plus(Duration.ofDays(2)),
                        b ? 200 : 50, null);
            } else if (b && n < 33) {
                // credited to another campaign (an order attributed elsewhere): not this campaign's
                FakeUpstreams.put("deals", Facts.wonDeal(contact, "Wang Wu", sent.plus(Duration.ofHours(1)),
                        sent.plus(Duration.ofDays(1)), 999, null).put("campaignId", otherCampaign));
            } else if (b && n < 36) {
                FakeUpstreams.put("deals", Facts.wonDeal(contact, "Wang Wu", sent.plus(Duration.ofHours(1)),
                        sent.plus(Duration.ofDays(1)), 500, null).put("currency", "EUR"));
            } else if (b && n < 39) {
                // won after the 7-day goal window
                Facts.wonDeal(contact, "Wang Wu", sent.plus(Duration.ofDays(1)), sent.plus(Duration.ofDays(9)), 300,
                        null);
            }
        }
        Facts.recomputeOk("2025-09-08", "2025-09-08");

        given().get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("goal.type", equalTo("revenue")).body("currency", equalTo("USD"))
                .body("variants.variant", equalTo(List.of("A", "B")))
                .body("variants[0].sends", equalTo(200)).body("variants[0].conversions", equalTo(40))
                .body("variants[0].revenue", closeTo(2000, 1e-9)).body("variants[0].revenuePerSend", closeTo(10, 1e-9))
                .body("variants[1].conversions", equalTo(30)).body("variants[1].rate", closeTo(0.15, 1e-9))
                .body("variants[1].revenue", closeTo(6000, 1e-9)).body("variants[1].revenuePerSend", closeTo(30, 1e-9))
                .body("variants[1].differenceVsControl", closeTo(20, 1e-9))
                .body("variants[1].pValue", lessThan(0.01))
                .body("winner", equalTo("B")).body("verdict", containsString("revenue per send"))
                // the three buyers in EUR: left out of B's conversions and revenue, counted apart
                .body("otherCurrencyDeals.orders", equalTo(3))
                .body("otherCurrencyDeals.currencies", equalTo(List.of("EUR")));
        // the KPIs count the revenue goal's conversions as the experiment does: 40 + 30, not the 3 EUR buyers too
        given().get("/api/v1/kpis?from=2025-09-08&to=2025-09-08&campaignId=" + campaign).then().statusCode(200)
                .body("rows[0].counts.sent", equalTo(400)).body("rows[0].counts.conversions", equalTo(70));
        given().get("/api/v1/campaigns/" + campaign + "/experiment?format=csv").then().statusCode(200)
                .body(startsWith("variant,control,sends,conversions,rate")).body(containsString("revenuePerSend"));
    }

    @Test
    void aDealWonGoalCountsWinsCreditedToThisCampaignOrToNoneAndShowsTheirRevenue() {
        String campaign = Facts.campaign("Deal A/B " + UUID.randomUUID(), "Wang Wu", "deal_won", 7);
        Instant day = DAY.plus(Duration.ofDays(1));
        String[] contacts = new String[6];
        for (int i = 0; i < contacts.length; i++) {
            contacts[i] = UUID.randomUUID().toString();
            Facts.putSend(Facts.send(campaign, i % 2 == 0 ? "A" : "B", contacts[i], "+14155550100",
                    day.plusSeconds(60L * i), null, null));
        }
        Instant won = day.plus(Duration.ofDays(1));
        Facts.wonDeal(contacts[0], "Wang Wu", day, won, 120, null);
        FakeUpstreams.put("deals", Facts.wonDeal(contacts[2], "Wang Wu", day, won, 80, null)
                .put("campaignId", campaign));
        FakeUpstreams.put("deals", Facts.wonDeal(contacts[4], "Wang Wu", day, won, 999, null)
                .put("campaignId", UUID.randomUUID().toString()));
        Facts.wonDeal(contacts[1], "Wang Wu", day, won, 40, null);
        Facts.recomputeOk("2025-09-09", "2025-09-09");

        given().get("/api/v1/campaigns/" + campaign + "/experiment").then().statusCode(200)
                .body("goal.type", equalTo("deal_won"))
                .body("variants[0].sends", equalTo(3)).body("variants[0].conversions", equalTo(2))
                .body("variants[0].revenue", closeTo(200, 1e-9))
                .body("variants[1].conversions", equalTo(1)).body("variants[1].revenue", closeTo(40, 1e-9))
                .body("winner", nullValue())
                .body("otherCurrencyDeals.orders", equalTo(0)).body("otherCurrencyDeals.currencies", equalTo(List.of()));
    }
}
