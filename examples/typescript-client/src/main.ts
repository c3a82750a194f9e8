// A frontend's first steps on ChatROI, typed end to end from the gateway's merged OpenAPI document:
// `npm run generate` writes src/chatroi-api.d.ts, `npm run build` type-checks, `npm start` runs it.
// Environment: CHATROI_URL (default http://localhost:8080), CHATROI_KEY (an API key; dev/up prints the admin key),
// CHATROI_CAMPAIGN_ID (optional: the campaign whose A/B experiment to read; else the newest campaign).
import createClient from "openapi-fetch";
import type { components, paths } from "./chatroi-api.js";

type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.CHATROI_URL ?? "http://localhost:8080";
const key = process.env.CHATROI_KEY;
if (!key) {
  throw new Error("Set CHATROI_KEY to an API key (dev/up prints the admin key)");
}
// JSON answers and JSON problems only: the reports also offer text/csv, which would widen every body to a string union
const chatroi = createClient<paths, "application/json" | "application/problem+json">({ baseUrl, headers: { Authorization: `Bearer ${key}` } });

/** Every error of the API is one Problem; a frontend shows its detail and the field errors. */
function fail(operation: string, problem: Problem): never {
  const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
  throw new Error(`${operation} answered ${problem.status} ${problem.title}: ${problem.detail ?? ""} ${fields}`);
}

async function main(): Promise<void> {
  const phone = `+4930${String(Date.now()).slice(-7)}`;
  const created = await chatroi.POST("/api/v1/contacts", { body: { phone, name: "Typed Client" } });
  if (created.error) {
    fail("createContact", created.error);
  }
  const contact = created.data;
  console.log(`contact ${contact.id}: ${contact.phone}, stage ${contact.stage}, time zone ${contact.timeZone ?? "-"}`);

  const kpis = await chatroi.GET("/api/v1/kpis", { params: { query: { groupBy: "campaign" } } });
  if (kpis.error) {
    fail("getKpiReport", kpis.error);
  }
  for (const row of kpis.data.rows) {
    const openRate = row.kpis["openRate"];
    console.log(`kpis ${row.name}: sent ${row.counts.sent}, open rate ${openRate?.value ?? "-"} (${openRate?.rating ?? "-"})`);
  }

  const funnel = await chatroi.GET("/api/v1/funnel");
  if (funnel.error) {
    fail("getFunnel", funnel.error);
  }
  console.log(`funnel ${funnel.data.stages.map((stage) => `${stage.stage} ${stage.count}`).join(" -> ")}`);

  const roi = await chatroi.GET("/api/v1/roi");
  if (roi.error) {
    fail("getRoiReport", roi.error);
  }
  console.log(`roi ${roi.data.roi ?? "-"} on ${roi.data.basis}: costs ${roi.data.costs.total}, value ${roi.data.value.direct}`);

  const scorecards = await chatroi.GET("/api/v1/scorecards");
  if (scorecards.error) {
    fail("getScorecards", scorecards.error);
  }
  for (const row of scorecards.data.rows) {
    console.log(`scorecard ${row.owner}: ${row.contactsAdded} contacts added, ${row.ordersWon} orders won`);
  }

  let campaignId = process.env.CHATROI_CAMPAIGN_ID;
  if (!campaignId) {
    const campaigns = await chatroi.GET("/api/v1/campaigns", { params: { query: { limit: 1 } } });
    if (campaigns.error) {
      fail("listCampaigns", campaigns.error);
    }
    campaignId = campaigns.data.items[0]?.id;
  }
  if (campaignId) {
    const experiment = await chatroi.GET("/api/v1/campaigns/{id}/experiment", { params: { path: { id: campaignId } } });
    if (experiment.error) {
      fail("getExperiment", experiment.error);
    }
    const variants = experiment.data.variants.map((v) => `${v.variant} ${v.conversions}/${v.sends}`).join(", ");
    console.log(`experiment ${variants}: ${experiment.data.verdict}`);
  } else {
    console.log("experiment: no campaign yet");
  }
}

await main();
