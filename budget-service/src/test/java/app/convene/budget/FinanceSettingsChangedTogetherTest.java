package app.convene.budget;

import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Two people of finance keep the same settings from two screens: a department's allowance for a quarter, where a
 * department sits in the tree, an exchange rate, and an event budget's settings and travel rates (which the
 * organiser keeps too). Each
 * reads the setting with its strong ETag; a change that names the tag it was made from (If-Match) is refused with 412
 * when someone changed the setting meanwhile, instead of silently undoing that change. Without If-Match a change is
 * made as before; If-Match on a setting not made yet is refused, since it names a state there is none of.
 */
@QuarkusTest
class FinanceSettingsChangedTogetherTest {
    private static final String PERIOD = "2031-Q2";
    private static final String FIONA = "fiona.finance@example.com";
    private static final String FRANK = "frank.finance@example.com";

    /** A fresh organisation, so that its allowances, tree and rates are this test's alone. */
    private static String organisation() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification withIfMatch(RequestSpecification request, String ifMatch) {
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }

    /** Both read the same strong tag, and reading again with it is answered 304 without a body. */
    private static String bothRead(Function<RequestSpecification, ValidatableResponse> get, RequestSpecification one,
            RequestSpecification other, RequestSpecification again) {
        String tag = get.apply(one).statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        assertThat(tag).startsWith("\"").doesNotStartWith("W/");
        assertThat(get.apply(other).statusCode(200).extract().header("ETag")).isEqualTo(tag);
        get.apply(again.header("If-None-Match", tag)).statusCode(304).header("ETag", tag);
        return tag;
    }

    /** The 412 of a change from a read that is no longer current, naming the header and the current tag. */
    private static void refused(ValidatableResponse answer, String current) {
        answer.statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("precondition-failed"))
                .body("errors[0].field", equalTo("If-Match")).body("detail", containsString(current));
    }

    private static BigDecimal decimal(ValidatableResponse answer, String path) {
        return answer.extract().jsonPath().getObject(path, BigDecimal.class);
    }

    // ---- a department's allowance for a period

    private static final String ALLOWANCE = "/api/departments/{d}/allowances/{p}";

    private static ValidatableResponse setAllowance(RequestSpecification who, String department, String ifMatch,
            String amount) {
        return withIfMatch(who, ifMatch).body(Map.of("amount", money(amount), "currency", "EUR"))
                .put(ALLOWANCE, department, PERIOD).then();
    }

    @Test
    void anAllowanceChangedFromAStaleReadIsRefusedAndKeepsTheOthersAmount() {
        String org = organisation();
        String department = "Marketing";
        Function<RequestSpecification, ValidatableResponse> read = who -> who.get(ALLOWANCE, department, PERIOD)
                .then();

        // Not set yet: a change naming a state is refused, and sets nothing; without If-Match it is set.
        setAllowance(Api.as("finance", FIONA, org), department, "\"x\"", "100000.00").statusCode(412)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        setAllowance(Api.as("finance", FIONA, org), department, "*", "100000.00").statusCode(412);
        read.apply(Api.as("finance", FIONA, org)).statusCode(404);
        setAllowance(Api.as("finance", FIONA, org), department, null, "100000.00").statusCode(201);

        String first = bothRead(read, Api.as("finance", FIONA, org), Api.as("finance", FRANK, org),
                Api.as("finance", FRANK, org));

        // Fiona raises it first; Frank's cut from the older read is refused and her amount stands.
        setAllowance(Api.as("finance", FIONA, org), department, first, "120000.00").statusCode(200);
        String raised = read.apply(Api.as("finance", FRANK, org)).statusCode(200).extract().header("ETag");
        assertThat(raised).isNotEqualTo(first);
        refused(setAllowance(Api.as("finance", FRANK, org), department, first, "80000.00"), raised);
        ValidatableResponse now = read.apply(Api.as("finance", FRANK, org)).statusCode(200)
                .header("ETag", raised).body("setBy", equalTo(FIONA));
        assertThat(decimal(now, "amount")).isEqualByComparingTo("120000.00");

        // A weak form of the current tag is no match; the current tag and "*" are; without If-Match, as before.
        setAllowance(Api.as("finance", FRANK, org), department, "W/" + raised, "80000.00").statusCode(412);
        setAllowance(Api.as("finance", FRANK, org), department, raised, "80000.00").statusCode(200);
        setAllowance(Api.as("finance", FRANK, org), department, "*", "85000.00").statusCode(200);
        setAllowance(Api.as("finance", FRANK, org), department, null, "90000.00").statusCode(200);
        assertThat(decimal(read.apply(Api.as("finance", FIONA, org)).statusCode(200), "amount"))
                .isEqualByComparingTo("90000.00");
    }

    // ---- where a department sits in the tree

    private static final String PLACEMENT = "/api/departments/{d}";

    private static ValidatableResponse place(RequestSpecification who, String department, String ifMatch,
            String parent) {
        return withIfMatch(who, ifMatch).body(parent == null ? Map.of() : Map.of("parent", parent))
                .put(PLACEMENT, department).then();
    }

    @Test
    void aDepartmentMovedFromAStaleReadIsRefusedAndStaysWhereTheOtherPutIt() {
        String org = organisation();
        Function<RequestSpecification, ValidatableResponse> read = who -> who.get(PLACEMENT, "Nordics").then();

        // Never placed: a move naming a placement is refused, and places nothing; without If-Match it is placed.
        place(Api.as("finance", FIONA, org), "Nordics", "\"x\"", "Sales").statusCode(412)
                .body("errors[0].field", equalTo("If-Match"));
        read.apply(Api.as("finance", FIONA, org)).statusCode(404);
        place(Api.as("finance", FIONA, org), "Nordics", null, "Sales").statusCode(201);

        String first = bothRead(read, Api.as("finance", FIONA, org), Api.as("finance", FRANK, org),
                Api.as("finance", FIONA, org));

        // Fiona moves Nordics under Europe; Frank's move to the top from the older read is refused.
        place(Api.as("finance", FIONA, org), "Nordics", first, "Europe").statusCode(200)
                .body("parent", equalTo("Europe"));
        String moved = read.apply(Api.as("finance", FRANK, org)).statusCode(200).extract().header("ETag");
        assertThat(moved).isNotEqualTo(first);
        refused(place(Api.as("finance", FRANK, org), "Nordics", first, null), moved);
        read.apply(Api.as("finance", FRANK, org)).statusCode(200).header("ETag", moved)
                .body("parent", equalTo("Europe")).body("setBy", equalTo(FIONA));

        place(Api.as("finance", FRANK, org), "Nordics", "W/" + moved, null).statusCode(412);
        place(Api.as("finance", FRANK, org), "Nordics", moved, null).statusCode(200).body("parent", nullValue());
        place(Api.as("finance", FRANK, org), "Nordics", "*", "Sales").statusCode(200);
        place(Api.as("finance", FRANK, org), "Nordics", null, "Europe").statusCode(200);
        read.apply(Api.as("finance", FIONA, org)).statusCode(200).body("parent", equalTo("Europe"));
    }

    // ---- an exchange rate

    private static final String RATE = "/api/exchange-rates/{b}/{q}";

    private static ValidatableResponse setRate(RequestSpecification who, String ifMatch, String rate) {
        return withIfMatch(who, ifMatch).body(Map.of("rate", money(rate))).put(RATE, "SEK", "NOK").then();
    }

    @Test
    void aRateSetFromAStaleReadIsRefusedAndTheOthersRateStands() {
        String org = organisation();
        Function<RequestSpecification, ValidatableResponse> read = who -> who.get(RATE, "SEK", "NOK").then();

        // None set yet: a setting naming one is refused, and sets none; without If-Match it is set.
        setRate(Api.as("finance", FIONA, org), "\"x\"", "0.98").statusCode(412)
                .body("errors[0].field", equalTo("If-Match"));
        setRate(Api.as("finance", FIONA, org), "*", "0.98").statusCode(412);
        read.apply(Api.as("finance", FIONA, org)).statusCode(404);
        setRate(Api.as("finance", FIONA, org), null, "0.98").statusCode(200);

        // An organizer reads the rates too (who may change them is finance).
        String first = bothRead(read, Api.as("finance", FIONA, org), Api.as("organizer", "olle@example.com", org),
                Api.as("finance", FRANK, org));

        setRate(Api.as("finance", FIONA, org), first, "1.02").statusCode(200);
        String current = read.apply(Api.as("finance", FRANK, org)).statusCode(200).extract().header("ETag");
        assertThat(current).isNotEqualTo(first);
        refused(setRate(Api.as("finance", FRANK, org), first, "0.95"), current);
        ValidatableResponse now = read.apply(Api.as("finance", FRANK, org)).statusCode(200).header("ETag", current)
                .body("setBy", equalTo(FIONA));
        assertThat(decimal(now, "rate")).isEqualByComparingTo("1.02");

        setRate(Api.as("finance", FRANK, org), "W/" + current, "0.95").statusCode(412);
        setRate(Api.as("finance", FRANK, org), current, "0.95").statusCode(200);
        setRate(Api.as("finance", FRANK, org), "*", "0.96").statusCode(200);
        setRate(Api.as("finance", FRANK, org), null, "0.97").statusCode(200);
        assertThat(decimal(read.apply(Api.as("finance", FIONA, org)).statusCode(200), "rate"))
                .isEqualByComparingTo("0.97");
    }

    // ---- an event's travel rates

    private static final String TRAVEL = "/api/events/{e}/budget/travel-rates";

    private static ValidatableResponse setTravel(RequestSpecification who, UUID eventId, String ifMatch,
            String nightlyRate) {
        return withIfMatch(who, ifMatch).body(Map.of("nightlyRate", money(nightlyRate), "railRate", money("90.00")))
                .put(TRAVEL, eventId).then();
    }

    @Test
    void travelRatesChangedFromAStaleReadAreRefusedAndTheTagMovesWithTheFigures() {
        UUID eventId = budgetedEvent();
        Function<RequestSpecification, ValidatableResponse> read = who -> who.get(TRAVEL, eventId).then();

        // None set yet: a change naming rates is refused, and sets none; without If-Match they are set.
        setTravel(organizer(), eventId, "\"x\"", "120.00").statusCode(412)
                .body("errors[0].field", equalTo("If-Match"));
        read.apply(organizer()).statusCode(404);
        setTravel(organizer(), eventId, null, "120.00").statusCode(200);

        // The organiser and finance read the same rates.
        String first = bothRead(read, organizer(), finance(), finance());

        // Finance agrees a hotel rate first; the organiser's change from the older read is refused.
        setTravel(finance(), eventId, first, "110.00").statusCode(200);
        String agreed = read.apply(organizer()).statusCode(200).extract().header("ETag");
        assertThat(agreed).isNotEqualTo(first);
        refused(setTravel(organizer(), eventId, first, "135.00"), agreed);
        ValidatableResponse now = read.apply(organizer()).statusCode(200).header("ETag", agreed)
                .body("updatedBy", equalTo(Api.FINANCE));
        assertThat(decimal(now, "nightlyRate")).isEqualByComparingTo("110.00");

        // Registration-service's figures since the read move the tag too: they are what the rates price.
        TravelAndAccommodationLinesTest.announce(eventId, 1, Map.of("2031-03-13", 2), Map.of("RAIL", 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> read.apply(organizer()).statusCode(200).body("figures.roomNights", equalTo(2)));
        setTravel(organizer(), eventId, agreed, "135.00").statusCode(412);
        String priced = read.apply(organizer()).statusCode(200).extract().header("ETag");
        assertThat(priced).isNotEqualTo(agreed);

        setTravel(organizer(), eventId, "W/" + priced, "135.00").statusCode(412);
        setTravel(organizer(), eventId, priced, "135.00").statusCode(200);
        setTravel(organizer(), eventId, "*", "130.00").statusCode(200);
        setTravel(organizer(), eventId, null, "125.00").statusCode(200);
        assertThat(decimal(read.apply(finance()).statusCode(200), "nightlyRate")).isEqualByComparingTo("125.00");
    }

    // ---- an event budget's settings

    private static final String BUDGET = "/api/events/{e}/budget";

    private static ValidatableResponse configure(RequestSpecification who, UUID eventId, String ifMatch,
            Map<String, Object> settings) {
        return withIfMatch(who, ifMatch).body(settings).put(BUDGET, eventId).then();
    }

    @Test
    void budgetSettingsChangedFromAStaleReadAreRefusedAndKeepTheOthersChange() {
        UUID eventId = budgetedEvent();
        Function<RequestSpecification, ValidatableResponse> read = who -> who.get(BUDGET, eventId).then();
        String first = bothRead(read, organizer(), finance(), organizer());

        // Finance moves the budget to another cost centre; the organiser's department change from the older read
        // is refused, and the cost centre stands.
        configure(finance(), eventId, first, Map.of("costCentre", "CC-4200")).statusCode(200)
                .body("costCentre", equalTo("CC-4200"));
        String moved = read.apply(organizer()).statusCode(200).extract().header("ETag");
        assertThat(moved).isNotEqualTo(first);
        refused(configure(organizer(), eventId, first, Map.of("department", "Marketing", "costCentre", "CC-4100")),
                moved);
        read.apply(organizer()).statusCode(200).header("ETag", moved).body("costCentre", equalTo("CC-4200"))
                .body("department", equalTo("Sales"));

        // A line added since the read changes the budget, and with it the tag.
        Api.addLine(eventId, Api.line("AV", "FIXED", "500.00", null));
        configure(organizer(), eventId, moved, Map.of("department", "Marketing")).statusCode(412);
        String withLine = read.apply(organizer()).statusCode(200).extract().header("ETag");
        assertThat(withLine).isNotEqualTo(moved);

        configure(organizer(), eventId, "W/" + withLine, Map.of("department", "Marketing")).statusCode(412);
        configure(organizer(), eventId, withLine, Map.of("department", "Marketing")).statusCode(200)
                .body("department", equalTo("Marketing"));
        configure(organizer(), eventId, "*", Map.of("department", "Events")).statusCode(200);
        configure(organizer(), eventId, null, Map.of("department", "Sales")).statusCode(200)
                .body("department", equalTo("Sales"));
    }

    // ---- many changes from one read

    private static void exactlyOneMade(String what, List<Integer> statuses) {
        assertThat(statuses).as(what).containsOnly(200, 412);
        assertThat(statuses).as(what).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void ofManyChangesFromTheSameReadExactlyOneIsMade() throws Exception {
        String org = organisation();
        setAllowance(Api.as("finance", FIONA, org), "Sales", null, "1000.00").statusCode(201);
        String allowance = Api.as("finance", FIONA, org).get(ALLOWANCE, "Sales", PERIOD).then().statusCode(200)
                .extract().header("ETag");
        exactlyOneMade("allowance", Race.statuses(8, writer -> setAllowance(Api.as("finance", FRANK, org), "Sales",
                allowance, (1001 + writer) + ".00").extract().statusCode()));

        place(Api.as("finance", FIONA, org), "Nordics", null, "Sales").statusCode(201);
        String placement = Api.as("finance", FIONA, org).get(PLACEMENT, "Nordics").then().statusCode(200).extract()
                .header("ETag");
        exactlyOneMade("placement", Race.statuses(8, writer -> place(Api.as("finance", FRANK, org), "Nordics",
                placement, "Region " + writer).extract().statusCode()));

        setRate(Api.as("finance", FIONA, org), null, "1.00").statusCode(200);
        String rate = Api.as("finance", FIONA, org).get(RATE, "SEK", "NOK").then().statusCode(200).extract()
                .header("ETag");
        exactlyOneMade("exchange rate", Race.statuses(8, writer -> setRate(Api.as("finance", FRANK, org), rate,
                "1.0" + writer).extract().statusCode()));

        UUID eventId = budgetedEvent();
        String budget = organizer().get(BUDGET, eventId).then().statusCode(200).extract().header("ETag");
        exactlyOneMade("budget settings", Race.statuses(8, writer -> configure(finance(), eventId, budget,
                Map.of("department", "Region " + writer)).extract().statusCode()));

        setTravel(organizer(), eventId, null, "100.00").statusCode(200);
        String travel = organizer().get(TRAVEL, eventId).then().statusCode(200).extract().header("ETag");
        exactlyOneMade("travel rates", Race.statuses(8, writer -> setTravel(finance(), eventId, travel,
                (101 + writer) + ".00").extract().statusCode()));
    }
}
