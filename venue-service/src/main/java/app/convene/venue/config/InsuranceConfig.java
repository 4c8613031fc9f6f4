package app.convene.venue.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import app.convene.venue.domain.Coverage;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which insurance an event needs, and when to warn about a certificate's expiry. */
@ConfigMapping(prefix = "venue.insurance")
public interface InsuranceConfig {
    /** The currency the minimum amounts are in (ISO 4217). */
    String currency();

    /** Warn this many days before a certificate expires. */
    @WithDefault("14")
    int expiryWarningDays();

    /** How often the expiry check runs. */
    @WithDefault("1h")
    Duration expiryCheckEvery();

    List<Requirement> requirements();

    /** From {@code fromHeadcount} expected people on, the event needs {@code coverage} of at least {@code minimum}. */
    interface Requirement {
        Coverage coverage();

        int fromHeadcount();

        BigDecimal minimum();
    }
}
