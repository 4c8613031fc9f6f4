package app.convene.notification.briefing.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.briefing.domain.ReaderFormat;
import app.convene.notification.briefing.domain.ReadinessCheck;

/** The charts keep their frame whatever the data: none, one point, zeros, points at one instant. */
class ChartsTest {
    private static final ReaderFormat EN = ReaderFormat.of("en", "UTC");
    private static final Instant T = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void withoutDataEveryChartIsEmptyRatherThanBroken() {
        assertThat(Charts.headcount(List.of(), EN).empty()).isTrue();
        assertThat(Charts.budget(null, EN).empty()).isTrue();
        assertThat(Charts.budget(new PostEventFacts.BudgetActuals("EUR", null, null, null, null, null, List.of()), EN)
                .empty()).isTrue();
        Charts.TrafficLight none = Charts.trafficLight(List.of());
        assertThat(none.overall()).isEqualTo("UNKNOWN");
        assertThat(none.lights()).isEmpty();
        assertThat(none.height()).isPositive();
    }

    @Test
    void oneHeadcountPointIsDrawnInTheMiddleAndPointsAtOneInstantAreSpreadEvenly() {
        Charts.LineChart one = Charts.headcount(List.of(new PostEventFacts.HeadcountPoint(T, 0, 0)), EN);
        assertThat(one.empty()).isFalse();
        assertThat(one.yMax()).isEqualTo(1);
        assertThat(one.confirmedPoints()).isEqualTo((Charts.LEFT + Charts.PLOT_WIDTH / 2) + "," + Charts.BASELINE);

        Charts.LineChart same = Charts.headcount(List.of(new PostEventFacts.HeadcountPoint(T, 10, 0),
                new PostEventFacts.HeadcountPoint(T, 40, 3), new PostEventFacts.HeadcountPoint(T, 38, 5)), EN);
        assertThat(same.yMax()).isEqualTo(50);
        assertThat(same.confirmedPoints().split(" ")).extracting(p -> p.split(",")[0])
                .containsExactly(String.valueOf(Charts.LEFT), String.valueOf(Charts.LEFT + Charts.PLOT_WIDTH / 2),
                        String.valueOf(Charts.LEFT + Charts.PLOT_WIDTH));
    }

    @Test
    void barsScaleToTheLargestFigureAndAllZeroDrawsFlatBars() {
        Charts.BarChart bars = Charts.budget(new PostEventFacts.BudgetActuals("EUR", null, null, null, null, null,
                List.of(category("VENUE", "2000.00", "2000.00", "1000.00"),
                        category("CATERING", "0.00", "0.00", "0.00"))), EN);
        assertThat(bars.maxLabel()).isEqualTo("€2,000.00");
        assertThat(bars.groups().get(0).bars()).extracting(Charts.Bar::height)
                .containsExactly(Charts.PLOT_HEIGHT, Charts.PLOT_HEIGHT, Charts.PLOT_HEIGHT / 2);
        assertThat(bars.groups().get(1).bars()).extracting(Charts.Bar::height).containsOnly(0);
        assertThat(bars.groups().get(0).bars().get(2).value()).isEqualTo("€1,000.00");

        Charts.BarChart zeros = Charts.budget(new PostEventFacts.BudgetActuals("EUR", null, null, null, null, null,
                List.of(category("OTHER", "0", "0", "0"))), EN);
        assertThat(zeros.groups().get(0).bars()).allSatisfy(b -> {
            assertThat(b.height()).isZero();
            assertThat(b.y()).isEqualTo(Charts.BASELINE);
        });
    }

    @Test
    void theTrafficLightIsRedWhenACheckIsNotMetAmberWhenOneIsUnknownAndGreenWhenAllAreMet() {
        ReadinessCheck met = new ReadinessCheck("venue-ready", ReadinessCheck.Status.MET);
        ReadinessCheck unknown = new ReadinessCheck("Insurance <valid>", ReadinessCheck.Status.UNKNOWN);
        ReadinessCheck notMet = new ReadinessCheck("actions-closed", ReadinessCheck.Status.NOT_MET);
        assertThat(Charts.trafficLight(List.of(met, unknown, notMet)).overall()).isEqualTo("NOT_MET");
        assertThat(Charts.trafficLight(List.of(met, unknown)).overall()).isEqualTo("UNKNOWN");
        assertThat(Charts.trafficLight(List.of(met)).overall()).isEqualTo("MET");
        assertThat(Charts.trafficLight(List.of(met, notMet)).lights()).extracting(Charts.Light::colour)
                .containsExactly("#2e7d32", "#c62828");
    }

    private static PostEventFacts.CategoryActuals category(String name, String estimate, String forecast,
            String actual) {
        return new PostEventFacts.CategoryActuals(name, new BigDecimal(estimate), new BigDecimal(forecast),
                new BigDecimal(forecast), new BigDecimal(actual), new BigDecimal(actual).subtract(
                        new BigDecimal(estimate)));
    }
}
