package io.chatroi.metrics.report.roi;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.RoiMath;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.Sums;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chatroi.metrics.report.Sums.count;
import static io.chatroi.metrics.report.Sums.money;

/**
 * ROI of a range (docs/kpis.md section 4): entered costs spread day by day plus message fees from billable sends, by
 * category and kind; value parts (direct sales, repeat orders, lead value, brand); roi, roiExtended, valueToCost and
 * the seed 004 ratios. Sales count profit where the deal records it, else revenue; {@code basis} says which. Won
 * deals in another currency than the workspace's are left out of the snapshots and counted in
 * {@code otherCurrencyDeals}.
 */
@ApplicationScoped
public class RoiService {

    private final RoiRepository repository;

    public RoiService(RoiRepository repository) {
        this.repository = repository;
    }

    public Uni<RoiReport> roi(KpiService.Filter f, Settings settings) {
        int scale = Money.scale(settings.currency());
        return repository.totals(f, settings).map(row -> {
            Map<String, BigDecimal> byCategory = new LinkedHashMap<>();
            BigDecimal explicit = BigDecimal.ZERO;
            BigDecimal hidden = BigDecimal.ZERO;
            String[] categories = row.getArrayOfStrings("cost_categories");
            String[] kinds = row.getArrayOfStrings("cost_kinds");
            BigDecimal[] amounts = row.getArrayOfBigDecimals("cost_amounts");
            for (int i = 0; categories != null && i < categories.length; i++) {
                byCategory.merge(categories[i], amounts[i], BigDecimal::add);
                if ("hidden".equals(kinds[i])) {
                    hidden = hidden.add(amounts[i]);
                } else {
                    explicit = explicit.add(amounts[i]);
                }
            }
            // the message (m) and deal (d) totals share the row
            Map<String, Object> m = Sums.values(row);
            Map<String, Object> d = m;
            BigDecimal fees = money(m, "message_fees");
            if (fees.signum() > 0) {
                byCategory.merge("message_fees", fees, BigDecimal::add);
                explicit = explicit.add(fees);
            }
            BigDecimal cost = explicit.add(hidden);

            long won = count(d, "won");
            long withProfit = count(d, "with_profit");
            RoiReport.Basis basis = won == 0 || withProfit == won ? RoiReport.Basis.PROFIT
                    : withProfit == 0 ? RoiReport.Basis.REVENUE : RoiReport.Basis.MIXED;
            BigDecimal value = money(d, "value");
            BigDecimal repeat = money(d, "repeat_value");
            BigDecimal direct = value.subtract(repeat);
            long leads = count(d, "inquiries");
            BigDecimal leadValue = settings.valuePerLead().multiply(BigDecimal.valueOf(leads));
            long days = ChronoUnit.DAYS.between(f.from(), f.to()) + 1;
            BigDecimal brand = f.campaignId() == null && f.owner() == null
                    ? settings.brandValueMonthly().multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(30), MathContext.DECIMAL64) : BigDecimal.ZERO;
            RoiMath.Result roi = RoiMath.of(new RoiMath.Parts(direct, repeat, leadValue, brand, cost));
            BigDecimal revenue = money(d, "revenue");
            BigDecimal attributed = money(d, "attributed_revenue");
            long sent = count(m, "sent");
            long recipients = count(m, "recipients");
            long conversions = count(m, "conversions");

            Map<String, BigDecimal> rounded = new LinkedHashMap<>();
            byCategory.forEach((k, v) -> rounded.put(k, Money.round(v, scale)));
            RoiReport.Costs costOut = new RoiReport.Costs(Money.round(cost, scale),
                    new RoiReport.ByKind(Money.round(explicit, scale), Money.round(hidden, scale)), rounded,
                    Money.round(fees, scale), count(m, "billable"), count(m, "unpriced"));
            RoiReport.Value valueOut = new RoiReport.Value(Money.round(direct, scale), Money.round(repeat, scale),
                    Money.round(leadValue, scale), Money.round(brand, scale),
                    Money.round(direct.add(repeat).add(leadValue).add(brand), scale));
            RoiReport.Counts counts = new RoiReport.Counts(sent, count(m, "replied"), recipients, conversions, won,
                    count(d, "repeat_won"), leads, Money.round(revenue, scale));
            RoiReport.Kpis kpis = new RoiReport.Kpis(
                    KpiCatalog.value("roi", roi.roi()),
                    KpiCatalog.value("roiExtended", roi.roiExtended()),
                    KpiCatalog.value("valueToCost", roi.valueToCost()),
                    KpiCatalog.value("roas", KpiMath.ratio(revenue, cost)),
                    KpiCatalog.value("costPerLead", KpiMath.ratio(cost, leads)),
                    KpiCatalog.value("revenuePerConversion", KpiMath.ratio(revenue, conversions)),
                    KpiCatalog.value("revenuePerMessage", KpiMath.ratio(revenue, sent)),
                    KpiCatalog.value("costPerRecipient", KpiMath.ratio(cost, recipients)),
                    KpiCatalog.value("campaignSpendReturn", KpiMath.spendReturn(revenue, cost, recipients)),
                    KpiCatalog.value("replyRate", KpiMath.ratio(count(m, "replied"), sent)));
            long otherOrders = 0;
            List<String> otherCurrencies = new ArrayList<>();
            String[] currencies = row.getArrayOfStrings("other_currencies");
            Long[] orders = row.getArrayOfLongs("other_orders");
            for (int i = 0; currencies != null && i < currencies.length; i++) {
                otherOrders += orders[i];
                otherCurrencies.add(currencies[i]);
            }
            return new RoiReport(f.from(), f.to(), f.campaignId(), f.owner(), settings.currency(), basis, costOut,
                    valueOut, counts, roi.roi(), roi.roiExtended(), roi.valueToCost(), kpis,
                    new RoiReport.OtherCurrencyDeals(otherOrders, otherCurrencies),
                    new RoiReport.Attribution(Money.round(attributed, scale),
                            Money.round(revenue.subtract(attributed), scale)));
        });
    }
}
