package app.convene.budget.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The GL accounts of travel and accommodation lines whose rates name none. */
@ConfigMapping(prefix = "budget.travel")
public interface TravelConfig {
    @WithDefault("6310")
    String accommodationGlAccount();

    @WithDefault("6320")
    String travelGlAccount();
}
