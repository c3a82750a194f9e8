package io.chatroi.campaigns.provider;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The simulated provider's outcome rates: defaults, and per country calling code the rates that differ
 * ({@code chatroi.simulated.countries."55".read-rate=0.93}), so a demo's funnel differs by market as real ones do.
 */
@ConfigMapping(prefix = "chatroi.simulated")
public interface SimulatedSettings {

    /** This service's own webhook, where simulated receipts and replies are posted. */
    String webhookUrl();

    /** Where simulated recipients open tracked links (this service's /r/{code}). */
    String linksUrl();

    double failedRate();

    double deliveredRate();

    double readRate();

    double replyRate();

    double stopRate();

    @WithDefault("0.2")
    double clickRate();

    Map<String, CountryRates> countries();

    /** Rates for one calling code; those not given fall back to the defaults. */
    interface CountryRates {
        OptionalDouble failedRate();

        OptionalDouble deliveredRate();

        OptionalDouble readRate();

        OptionalDouble replyRate();

        OptionalDouble stopRate();

        OptionalDouble clickRate();
    }

    /** The rates for a recipient in E.164: the longest matching calling code's, else the defaults. */
    default SimulatedProvider.Rates ratesFor(String e164) {
        String digits = e164 == null ? "" : e164.replace("+", "");
        CountryRates country = null;
        for (int length = Math.min(3, digits.length()); length >= 1 && country == null; length--) {
            country = countries().get(digits.substring(0, length));
        }
        if (country == null) {
            return new SimulatedProvider.Rates(failedRate(), deliveredRate(), readRate(), replyRate(), stopRate(),
                    clickRate());
        }
        return new SimulatedProvider.Rates(country.failedRate().orElse(failedRate()),
                country.deliveredRate().orElse(deliveredRate()), country.readRate().orElse(readRate()),
                country.replyRate().orElse(replyRate()), country.stopRate().orElse(stopRate()),
                country.clickRate().orElse(clickRate()));
    }
}
