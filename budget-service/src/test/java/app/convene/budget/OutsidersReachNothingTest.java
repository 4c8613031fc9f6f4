package app.convene.budget;

import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.OperationProbe;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the budget API, called by someone who must not reach acme's budget: an organizer and a member
 * of finance of another organisation (globex), and an attendee of acme. None succeeds on acme's objects, and no
 * answer shows any of acme's data.
 */
@QuarkusTest
class OutsidersReachNothingTest {
    static final String PERIOD = "2031-Q3";

    static String globexFinance() {
        return Tokens.bearer("finance", "gwen.finance@globex.example", "globex");
    }

    /** acme's event, its budget with lines, a purchase order, an invoice, its ledger; a rate, an allowance, a job. */
    record Acme(UUID eventId, UUID lineId, UUID exportJobId, String department, String costCentre,
            String lineDescription, String poNumber, String invoiceNumber) {
    }

    Acme acme;

    @BeforeEach
    void acmeRunsAnEvent() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        UUID eventId = Api.scheduledEvent(Instant.parse("2031-08-14T09:00:00Z"), Api.ownedByOrganizer(),
                Api::organizer);
        String department = "Board-office-" + unique;
        String costCentre = "CC-" + unique;
        organizer().body(Map.of("currency", "EUR", "department", department, "costCentre", costCentre))
                .put("/api/events/{e}/budget", eventId).then().statusCode(200);
        finance().body(Map.of("rate", money("0.9437251"))).put("/api/exchange-rates/{b}/{q}", "CHF", "EUR").then()
                .statusCode(200);
        String description = "Harbour gala dinner " + unique;
        Map<String, Object> line = new HashMap<>(Api.line("CATERING", "FIXED", "7391.37", null));
        line.put("description", description);
        UUID lineId = Api.addLine(eventId, line);
        Api.addLine(eventId, Api.line("TRAVEL", "FIXED", "811.13", "CHF"));
        String po = "PO-" + unique;
        organizer().body(Map.of("poNumber", po, "amount", money("7391.37")))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        organizer().body(Map.of("nightlyRate", money("173.29"), "railRate", money("64.71")))
                .put("/api/events/{e}/budget/travel-rates", eventId).then().statusCode(200);
        String invoice = "INV-" + unique;
        finance().body(Map.of("vendor", "Gala Caterers", "invoiceNumber", invoice, "amount", money("1234.57"),
                "issuedOn", "2031-08-01")).post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then()
                .statusCode(201);
        finance().body(Map.of("amount", money("987654.32"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", department, PERIOD).then().statusCode(201);
        finance().body(Map.of("parent", department + "-parent")).put("/api/departments/{d}", department).then()
                .statusCode(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        UUID job = UUID.fromString(finance().body(Map.of("from", today, "to", today, "format", "CSV"))
                .post("/api/finance/exports").then().statusCode(202).extract().path("id"));
        acme = new Acme(eventId, lineId, job, department, costCentre, description, po, invoice);
    }

    /** acme's invoice matched by its purchase order (awaiting approval), and the import that recorded it. */
    record AcmeInvoices(UUID invoiceId, UUID importId) {
    }

    AcmeInvoices acmeInvoices() {
        String csv = "vendor,invoiceNumber,amount,issuedOn,poNumber\nGala Caterers," + acme.invoiceNumber()
                + "-2,7391.37,2031-08-03," + acme.poNumber() + "\n";
        var job = finance().contentType("text/csv").body(csv).post("/api/finance/invoices/import").then()
                .statusCode(201).body("rows[0].outcome", equalTo("AWAITING_APPROVAL")).extract().jsonPath();
        return new AcmeInvoices(UUID.fromString(job.getString("rows[0].invoiceId")),
                UUID.fromString(job.getString("id")));
    }

    /** The probe on acme's objects, with valid bodies so that each call reaches the access rule. */
    OperationProbe probe() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        AcmeInvoices invoices = acmeInvoices();
        String line = """
                {"category": "AV", "description": "Projector", "kind": "FIXED", "unitAmount": 10.00,
                 "glAccount": "6400"}""";
        return OperationProbe.create()
                .skip("GET /api/privacy/people/{email}", "an address is no object of an organisation: "
                        + "another organisation's caller gets its own organisation's export; ErasureTest shows it "
                        + "holds nothing of acme")
                .skip("GET /api/exchange-rates/{base}/{quote}", "answers the caller's own organisation's rate of "
                        + "the pair, never acme's: financeOfAnotherOrganisationReachesNothingOfAcme reads it")
                .path("eventId", acme.eventId()).path("lineId", acme.lineId()).path("id", acme.exportJobId())
                .path("base", "CHF").path("quote", "EUR").path("department", acme.department())
                .path("period", PERIOD)
                .path("invoiceId", invoices.invoiceId()).path("importId", invoices.importId())
                .body("POST /api/finance/invoices", "{\"vendor\": \"Gala Caterers\", \"invoiceNumber\": \""
                        + acme.invoiceNumber() + "-3\", \"amount\": 2.00, \"issuedOn\": \"2031-08-02\", "
                        + "\"poNumber\": \"" + acme.poNumber() + "\"}")
                .body("POST /api/finance/invoices/{invoiceId}/reject", "{\"reason\": \"no\"}")
                .body("PUT /api/events/{eventId}/budget", "{\"department\": \"Takeover\", \"tolerancePercent\": 50}")
                .body("POST /api/events/{eventId}/budget/lines", line)
                .body("PUT /api/events/{eventId}/budget/lines/{lineId}", line)
                .body("PUT /api/events/{eventId}/budget/lines/{lineId}/commitment",
                        "{\"poNumber\": \"PO-X\", \"amount\": 1.00}")
                .body("POST /api/events/{eventId}/budget/lines/{lineId}/invoices",
                        "{\"vendor\": \"Gala Caterers\", \"invoiceNumber\": \"" + acme.invoiceNumber()
                                + "\", \"amount\": 2.00, \"issuedOn\": \"2031-08-02\"}")
                .body("POST /api/events/{eventId}/budget/rejection", "{\"reason\": \"no\"}")
                .body("PUT /api/events/{eventId}/budget/travel-rates", "{\"nightlyRate\": 1.00}")
                .body("PUT /api/exchange-rates/{base}/{quote}", "{\"rate\": 3.5}")
                .body("PUT /api/departments/{department}/allowances/{period}",
                        "{\"amount\": 1.00, \"currency\": \"EUR\"}")
                .body("POST /api/events/{eventId}/budget/lines/{lineId}/withdraw", "{\"reason\": \"takeover\"}")
                .body("PUT /api/departments/{department}", "{\"parent\": \"Takeover\"}")
                .body("PUT /api/finance/journal/marker", "{\"upTo\": 0}")
                .query("GET /api/roll-up/tree", "period=" + PERIOD)
                .query("GET /api/finance/journal", "from=" + today + "&to=" + today)
                .query("GET /api/roll-up", "period=" + PERIOD)
                // acme's own line as the cursor: the page after it is acme's too, and stays out of reach
                .query("GET /api/events/{eventId}/budget/lines", "limit=500&after=" + acme.lineId())
                // acme's data the caller did not send. The ids and the department it sends in the path come back
                // only in the problem naming its own request (detail, instance); listsOfCaller checks them too.
                .secret(acme.lineDescription(), acme.poNumber(), acme.invoiceNumber(), "7391.37", "1234.57",
                        "811.13", "987654.32", "0.9437251", "Gala Caterers", acme.costCentre(), "173.29", "64.71");
    }

    /**
     * The operations that answer lists (journal, roll-up, rates) succeed for the caller's own organisation and show
     * none of acme's ids or names, which the caller never sent.
     */
    void listsOfCallerShowNothingOfAcme(String bearer) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> bodies = List.of(
                given().header("Authorization", bearer).accept("application/json").queryParam("from", today)
                        .queryParam("to", today).get("/api/finance/journal").then().statusCode(200).extract()
                        .asString(),
                given().header("Authorization", bearer).accept("text/csv").queryParam("from", today)
                        .queryParam("to", today).get("/api/finance/journal").then().statusCode(200).extract()
                        .asString(),
                given().header("Authorization", bearer).queryParam("period", PERIOD).get("/api/roll-up").then()
                        .statusCode(200).extract().asString(),
                given().header("Authorization", bearer).accept("application/json").queryParam("period", PERIOD)
                        .get("/api/roll-up/tree").then().statusCode(200).extract().asString(),
                given().header("Authorization", bearer).accept("text/csv").queryParam("period", PERIOD)
                        .get("/api/roll-up/tree").then().statusCode(200).extract().asString(),
                given().header("Authorization", bearer).queryParam("from", today).queryParam("to", today)
                        .queryParam("format", "SIE4").get("/api/finance/journal").then().statusCode(200).extract()
                        .asString(),
                given().header("Authorization", bearer).get("/api/finance/journal/marker").then().statusCode(200)
                        .extract().asString(),
                given().header("Authorization", bearer).get("/api/exchange-rates").then().statusCode(200).extract()
                        .asString(),
                given().header("Authorization", bearer).get("/api/finance/invoices").then().statusCode(200)
                        .extract().asString(),
                // acme's purchase order in another organisation's import matches nothing
                given().header("Authorization", bearer).contentType("text/csv")
                        .body("vendor,invoiceNumber,amount,issuedOn,poNumber\nGala Caterers,G-1,1.00,2031-08-02,"
                                + acme.poNumber() + "\n").post("/api/finance/invoices/import").then()
                        .statusCode(201).body("rows[0].outcome", equalTo("UNMATCHED")).extract().asString());
        for (String body : bodies) {
            assertThat(body).doesNotContain(acme.eventId().toString()).doesNotContain(acme.lineId().toString())
                    .doesNotContain(acme.exportJobId().toString()).doesNotContain(acme.department())
                    .doesNotContain(acme.lineDescription()).doesNotContain("7391.37").doesNotContain("0.9437251");
        }
    }

    @Test
    void anOrganizerOfAnotherOrganisationReachesNothingOfAcme() {
        OperationProbe.Report report = probe()
                .body("POST /api/finance/exports", exportBody())
                .run(Tokens.bearer("organizer", "gus.organizer@globex.example", "globex"))
                .assertNothingReached();
        assertThat(report.calls()).as("every operation of the document").hasSizeGreaterThanOrEqualTo(19);
        acmeIsUntouched();
    }

    @Test
    void financeOfAnotherOrganisationReachesNothingOfAcme() {
        // Setting a rate or an allowance, and starting an export, are globex's own (tested in
        // PerOrganisationFinanceTest: they never touch or show acme's); here everything else is called.
        OperationProbe.Report report = probe()
                .skip("PUT /api/exchange-rates/{base}/{quote}", "sets globex's own rate of the pair")
                .skip("PUT /api/departments/{department}/allowances/{period}",
                        "sets globex's own allowance of a department of that name")
                .skip("PUT /api/departments/{department}", "places globex's own department of that name")
                .skip("PUT /api/finance/journal/marker", "moves globex's own exported-up-to marker")
                .run(globexFinance()).assertNothingReached();
        assertThat(report.calls()).anyMatch(call -> call.startsWith("GET /api/finance/journal -> 200"))
                .anyMatch(call -> call.startsWith("GET /api/roll-up -> 200"))
                .anyMatch(call -> call.startsWith("GET /api/roll-up/tree -> 200"))
                .anyMatch(call -> call.startsWith("POST /api/events/{eventId}/budget/lines/{lineId}/withdraw -> 404"))
                .anyMatch(call -> call.startsWith("GET /api/exchange-rates -> 200"))
                .anyMatch(call -> call.startsWith("GET /api/events/{eventId}/budget/summary -> 404"))
                .anyMatch(call -> call.startsWith("GET /api/events/{eventId}/budget/lines -> 404"))
                .anyMatch(call -> call.startsWith("POST /api/events/{eventId}/budget/approval -> 404"))
                .anyMatch(call -> call.startsWith("GET /api/finance/exports/{id}/file -> 404"))
                .anyMatch(call -> call.startsWith("POST /api/finance/invoices -> 422"))
                .anyMatch(call -> call.startsWith("POST /api/finance/invoices/{invoiceId}/approve -> 404"))
                .anyMatch(call -> call.startsWith("GET /api/finance/invoices/import/{importId} -> 404"));
        listsOfCallerShowNothingOfAcme(globexFinance());
        // The two left out: globex's finance sets globex's own rate and allowance, and sees nothing of acme's.
        String rate = given().header("Authorization", globexFinance()).contentType("application/json")
                .body("{\"rate\": 3.5}").put("/api/exchange-rates/{b}/{q}", "CHF", "EUR").then().statusCode(200)
                .body("setBy", equalTo("gwen.finance@globex.example")).extract().asString();
        String allowance = given().header("Authorization", globexFinance()).contentType("application/json")
                .body("{\"amount\": 1.00, \"currency\": \"EUR\"}")
                .put("/api/departments/{d}/allowances/{p}", acme.department(), PERIOD).then().statusCode(201)
                .extract().asString();
        String ownRate = given().header("Authorization", globexFinance())
                .get("/api/exchange-rates/{b}/{q}", "CHF", "EUR").then().statusCode(200)
                .body("setBy", equalTo("gwen.finance@globex.example")).extract().asString();
        assertThat(rate + allowance + ownRate).doesNotContain("0.9437251").doesNotContain("987654.32")
                .doesNotContain(Api.FINANCE);
        acmeIsUntouched();
    }

    @Test
    void anAttendeeOfAcmeReachesNothingOfTheBudget() {
        probe().body("POST /api/finance/exports", exportBody())
                .run(Tokens.bearer("attendee", "anna.attendee@example.com"))
                .assertNothingReached();
        acmeIsUntouched();
    }

    private static String exportBody() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return "{\"from\": \"" + today + "\", \"to\": \"" + today + "\", \"format\": \"JSON\"}";
    }

    private void acmeIsUntouched() {
        var budget = finance().get("/api/events/{e}/budget", acme.eventId()).then().statusCode(200)
                .body("department", equalTo(acme.department())).body("tolerancePercent", equalTo(5))
                .body("status", equalTo("DRAFT")).extract().jsonPath();
        assertThat(budget.getList("lines.description")).hasSize(2).contains(acme.lineDescription());
        assertThat(budget.getList("withdrawnLines")).isEmpty();
        List<Object> placed = finance().accept("application/json").queryParam("period", PERIOD)
                .get("/api/roll-up/tree").then().statusCode(200).extract()
                .path("departments.findAll { it.department == '" + acme.department() + "-parent' }.children.flatten()"
                        + ".department");
        assertThat(placed).containsExactly(acme.department());
        assertThat(budget.getList("lines.poNumber")).contains(acme.poNumber());
        // acme's invoices awaiting approval were neither approved nor rejected by anyone outside
        finance().queryParam("eventId", acme.eventId().toString()).queryParam("status", "REJECTED")
                .get("/api/finance/invoices").then().statusCode(200).body("invoices.size()", equalTo(0));
        assertThat(budget.getList("lines.actualInLineCurrency", java.math.BigDecimal.class))
                .contains(money("1234.57"));
        List<Map<String, Object>> rates = finance().get("/api/exchange-rates").then().statusCode(200).extract()
                .path("findAll { it.base == 'CHF' && it.quote == 'EUR' }");
        assertThat(rates).singleElement().satisfies(r -> assertThat(r.get("rate").toString()).isEqualTo("0.9437251"));
        List<Object> allowances = finance().queryParam("period", PERIOD).get("/api/roll-up").then().statusCode(200)
                .extract().path("departments.findAll { it.department == '" + acme.department() + "' }.allowance");
        assertThat(allowances).singleElement().satisfies(a -> assertThat(a.toString()).isEqualTo("987654.32"));
        finance().get("/api/finance/exports/{id}", acme.exportJobId()).then().statusCode(200);
        finance().get("/api/events/{e}/budget/travel-rates", acme.eventId()).then().statusCode(200)
                .body("nightlyRate", equalTo(money("173.29"))).body("updatedBy", equalTo(Api.ORGANIZER));
    }
}
