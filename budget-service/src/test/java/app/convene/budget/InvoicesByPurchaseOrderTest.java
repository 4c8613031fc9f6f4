package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.financeLead;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import app.convene.backbone.testing.DocumentedAnswers;
import app.convene.budget.domain.Invoice;
import app.convene.budget.service.InvoiceImports;

/**
 * Finance records vendor invoices without knowing the budget's lines: each is matched to the committed line by its
 * purchase order (else by vendor within the event), answered with the variance against the commitment, held for
 * another member of finance's approval when it goes beyond the tolerance, taken back by credit notes, listed, and
 * imported from CSV files, once however often (and however concurrently) they arrive.
 */
@QuarkusTest
class InvoicesByPurchaseOrderTest {
    static final String INVOICES = "/api/finance/invoices";
    static final String IMPORT = "/api/finance/invoices/import";

    /** A committed line of the event: its vendor, purchase order and committed amount. */
    record Committed(UUID eventId, UUID lineId, String vendor, String po) {
    }

    static Committed committed(UUID eventId, String category, String vendor, String estimate, String committed,
            String currency) {
        Map<String, Object> line = new HashMap<>(line(category, "FIXED", estimate, currency));
        line.put("vendor", vendor);
        UUID lineId = addLine(eventId, line);
        String po = "PO-" + UUID.randomUUID();
        organizer().body(Map.of("poNumber", po, "amount", money(committed)))
                .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
        return new Committed(eventId, lineId, vendor, po);
    }

    static Map<String, Object> invoice(String vendor, String number, String amount, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("vendor", vendor, "invoiceNumber", number, "amount",
                money(amount), "issuedOn", "2027-03-12"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static ValidatableResponse post(RequestSpecification as, Map<String, Object> invoice) {
        return as.body(invoice).post(INVOICES).then();
    }

    static ValidatableResponse importCsv(RequestSpecification as, String csv) {
        return as.contentType("text/csv").body(csv).post(IMPORT).then();
    }

    static BigDecimal actual(UUID eventId) {
        return organizer().get("/api/events/{e}/budget", eventId).then().statusCode(200).extract().jsonPath()
                .getObject("totals.actual", BigDecimal.class);
    }

    static List<BigDecimal> actualEntries(UUID eventId) {
        return finance().get("/api/events/{e}/budget/ledger", eventId).then().statusCode(200).extract().jsonPath()
                .getList("entries.findAll { it.kind == 'ACTUAL' }.amount", BigDecimal.class);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void anInvoiceFindsItsLineByPurchaseOrderOrByVendorWithinTheEventAndShowsTheVariance() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        Committed av = committed(eventId, "AV", "Nordic AV", "4000.00", "3800.00", null);

        String byPo = unique("INV");
        String location = post(finance(), invoice("Feast & Co", byPo, "1200.00", "poNumber", catering.po()))
                .statusCode(201).body("matchedBy", equalTo("PURCHASE_ORDER"))
                .body("lineItemId", equalTo(catering.lineId().toString()))
                .body("eventId", equalTo(eventId.toString())).body("status", equalTo("POSTED"))
                .body("variance.committed", equalTo(money("2800.00")))
                .body("variance.invoiced", equalTo(money("1200.00")))
                .body("variance.variance", equalTo(money("-1600.00")))
                .body("variance.variancePercent", equalTo(money("-57.14")))
                .body("variance.toleranceLimit", equalTo(money("2940.00"))).extract().header("Location");
        // The same invoice again (another spelling of the vendor): recognised, not counted twice.
        String id = location.substring(location.lastIndexOf('/') + 1);
        post(finance(), invoice(" FEAST & CO", byPo, "1200.00", "poNumber", catering.po())).statusCode(200)
                .body("id", equalTo(id));
        finance().get(INVOICES + "/{id}", id).then().statusCode(200).body("invoiceNumber", equalTo(byPo));

        // No purchase order on the invoice: the event's one committed line of that vendor.
        post(finance(), invoice(" nordic av", unique("NAV"), "3900.00", "eventId", eventId)).statusCode(201)
                .body("matchedBy", equalTo("VENDOR_AND_EVENT")).body("lineItemId", equalTo(av.lineId().toString()))
                .body("status", equalTo("POSTED")).body("variance.variance", equalTo(money("100.00")))
                .body("variance.variancePercent", equalTo(money("2.63")));

        // Unmatched: 422 with the reason, nothing recorded.
        post(finance(), invoice("Feast & Co", unique("INV"), "10.00", "poNumber", "PO-NOBODY-HAS"))
                .statusCode(422).body("type", equalTo("https://convene.app/problems/invoice-unmatched"))
                .body("detail", containsString("poNumber: no committed line"));
        post(finance(), invoice("Unknown Vendor", unique("INV"), "10.00", "eventId", eventId)).statusCode(422)
                .body("detail", containsString("vendor: no committed line of event " + eventId));
        post(finance(), invoice("Feast & Co", unique("INV"), "10.00")).statusCode(400)
                .body("errors.field", hasItem("poNumber"));
        post(finance(), invoice("Feast & Co", unique("INV"), "10.001", "poNumber", catering.po())).statusCode(400)
                .body("errors.field", hasItem("amount"));
        post(organizer(), invoice("Feast & Co", unique("INV"), "10.00", "poNumber", catering.po())).statusCode(403);

        assertThat(actual(eventId)).isEqualTo(money("5100.00"));
        assertThat(actualEntries(eventId)).containsExactly(money("1200.00"), money("3900.00"));
    }

    @Test
    void anInvoiceInAnotherCurrencyIsConvertedAtTheOrganisationsRate() {
        UUID eventId = budgetedEvent();
        Committed hall = committed(eventId, "VENUE", "Harbour Hall", "5000.00", "5000.00", null);
        Api.rate("SEK", "EUR", "0.0875");
        post(finance(), invoice("Harbour Hall", unique("HH"), "20000.00", "currency", "SEK", "poNumber", hall.po()))
                .statusCode(201).body("amount", equalTo(money("20000.00"))).body("currency", equalTo("SEK"))
                .body("amountInLineCurrency", equalTo(money("1750.00")))
                .body("variance.invoiced", equalTo(money("1750.00")));
        assertThat(actual(eventId)).isEqualTo(money("1750.00"));
        post(finance(), invoice("Harbour Hall", unique("HH"), "20.00", "currency", "CZK", "poNumber", hall.po()))
                .statusCode(409).body("type", equalTo("https://convene.app/problems/exchange-rate-missing"));
    }

    @Test
    void anInvoiceBeyondTheToleranceWaitsForAnotherMemberOfFinanceBeforeItCounts() {
        UUID eventId = budgetedEvent();
        Committed av = committed(eventId, "AV", "Stage Lights", "1000.00", "1000.00", null);
        // 5 % over the purchase order is within the tolerance: posted at once.
        post(finance(), invoice("Stage Lights", unique("SL"), "1050.00", "poNumber", av.po())).statusCode(201)
                .body("status", equalTo("POSTED"));
        // One cent more takes the line beyond it: held, not counted.
        String held = post(finance(), invoice("Stage Lights", unique("SL"), "0.01", "poNumber", av.po()))
                .statusCode(201).body("status", equalTo("AWAITING_APPROVAL"))
                .body("variance.invoiced", equalTo(money("1050.01")))
                .body("variance.toleranceLimit", equalTo(money("1050.00"))).extract().path("id");
        assertThat(actual(eventId)).isEqualTo(money("1050.00"));
        // Announced with the recording, so that finance learns of it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Api.announcements(eventId, "budget.invoice-awaiting-approval.v1")).singleElement().satisfies(r -> {
                    var payload = Api.payload(r);
                    assertThat(payload.path("invoiceId").asText()).isEqualTo(held);
                    assertThat(payload.path("lineItemId").asText()).isEqualTo(av.lineId().toString());
                    assertThat(payload.path("amount").decimalValue()).isEqualTo(money("0.01"));
                    assertThat(payload.path("invoiced").decimalValue()).isEqualTo(money("1050.01"));
                    assertThat(payload.path("toleranceLimit").decimalValue()).isEqualTo(money("1050.00"));
                    assertThat(payload.path("currency").asText()).isEqualTo("EUR");
                }));
        finance().queryParam("eventId", eventId.toString()).queryParam("status", "AWAITING_APPROVAL").get(INVOICES)
                .then().statusCode(200).body("invoices.id", equalTo(List.of(held)));

        // Not by who recorded it; nor by an organizer.
        finance().post(INVOICES + "/{id}/approve", held).then().statusCode(403)
                .body("type", equalTo("https://convene.app/problems/own-invoice"));
        organizer().post(INVOICES + "/{id}/approve", held).then().statusCode(403);
        financeLead().post(INVOICES + "/{id}/approve", held).then().statusCode(200)
                .body("status", equalTo("POSTED")).body("decidedBy", equalTo(Api.FINANCE_LEAD));
        assertThat(actual(eventId)).isEqualTo(money("1050.01"));
        financeLead().post(INVOICES + "/{id}/approve", held).then().statusCode(409)
                .body("type", equalTo("https://convene.app/problems/invoice-not-awaiting-approval"));

        // A rejected one never counts, and its number stays recorded.
        String number = unique("SL");
        String rejected = post(finance(), invoice("Stage Lights", number, "500.00", "poNumber", av.po()))
                .statusCode(201).body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        financeLead().body(Map.of("reason", "not ordered")).post(INVOICES + "/{id}/reject", rejected).then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("not ordered"));
        post(finance(), invoice("Stage Lights", number, "500.00", "poNumber", av.po())).statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertThat(actual(eventId)).isEqualTo(money("1050.01"));

        // The per-line endpoint applies the same rule; its approval, retried with its key, is answered once.
        String perLine = finance().body(InvoicesAndLedgerTest.invoice("Stage Lights", unique("SL"), "20.00"))
                .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, av.lineId()).then().statusCode(201)
                .body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        String key = UUID.randomUUID().toString();
        financeLead().header("Idempotency-Key", key).post(INVOICES + "/{id}/approve", perLine).then()
                .statusCode(200).body("status", equalTo("POSTED"));
        financeLead().header("Idempotency-Key", key).post(INVOICES + "/{id}/approve", perLine).then()
                .statusCode(200).header("Idempotent-Replayed", "true").body("status", equalTo("POSTED"));
        assertThat(actual(eventId)).isEqualTo(money("1070.01"));
        assertThat(actualEntries(eventId)).containsExactly(money("1050.00"), money("0.01"), money("20.00"));
    }

    @Test
    void aCreditNoteTakesBackPartOfAnInvoiceButNeverMoreThanIsLeft() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        String invoiced = unique("INV");
        post(finance(), invoice("Feast & Co", invoiced, "1200.00", "poNumber", catering.po())).statusCode(201);

        post(finance(), invoice("Feast & Co", unique("CN"), "200.00", "kind", "CREDIT_NOTE", "creditsInvoiceNumber",
                invoiced)).statusCode(201).body("kind", equalTo("CREDIT_NOTE"))
                .body("matchedBy", equalTo("CREDITED_INVOICE")).body("lineItemId", equalTo(catering.lineId().toString()))
                .body("variance.invoiced", equalTo(money("1000.00")));
        assertThat(actual(eventId)).isEqualTo(money("1000.00"));

        post(finance(), invoice("Feast & Co", unique("CN"), "1000.01", "kind", "CREDIT_NOTE",
                "creditsInvoiceNumber", invoiced)).statusCode(409)
                .body("type", equalTo("https://convene.app/problems/credit-exceeds-invoice"));
        post(finance(), invoice("Feast & Co", unique("CN"), "5.00", "kind", "CREDIT_NOTE",
                "creditsInvoiceNumber", "INV-NEVER-SENT")).statusCode(422)
                .body("detail", containsString("creditsInvoiceNumber"));
        post(finance(), invoice("Feast & Co", unique("CN"), "5.00", "kind", "CREDIT_NOTE")).statusCode(400)
                .body("errors.field", hasItem("creditsInvoiceNumber"));
        post(finance(), invoice("Feast & Co", unique("CN"), "1000.00", "kind", "CREDIT_NOTE",
                "creditsInvoiceNumber", invoiced)).statusCode(201);

        assertThat(actual(eventId)).isEqualTo(money("0.00"));
        assertThat(actualEntries(eventId)).containsExactly(money("1200.00"), money("-200.00"), money("-1000.00"));
        JsonPath budget = organizer().get("/api/events/{e}/budget", eventId).then().extract().jsonPath();
        LineItemsAndForecastTest.assertTotalsAreSumsOfLines(budget);
    }

    @Test
    void invoicesAreListedByEventVendorAndStatusPageByPageAndOnlyToTheirOrganisation() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        Committed av = committed(eventId, "AV", "Nordic AV", "1000.00", "1000.00", null);
        List<String> ids = new ArrayList<>();
        for (String amount : List.of("100.00", "200.00", "300.00")) {
            ids.add(post(finance(), invoice("Feast & Co", unique("INV"), amount, "poNumber", catering.po()))
                    .statusCode(201).extract().path("id"));
        }
        post(finance(), invoice("Nordic AV", unique("NAV"), "50.00", "poNumber", av.po())).statusCode(201);

        JsonPath first = finance().queryParam("eventId", eventId.toString()).queryParam("vendor", "FEAST & CO ")
                .queryParam("limit", 2).get(INVOICES).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("invoices.id", String.class)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(first.getList("invoices.variance")).containsOnlyNulls();
        finance().queryParam("eventId", eventId.toString()).queryParam("vendor", "Feast & Co")
                .queryParam("limit", 2).queryParam("after", first.getString("next")).get(INVOICES).then()
                .statusCode(200).body("invoices.id", equalTo(ids.subList(2, 3))).body("next", nullValue());
        finance().queryParam("eventId", eventId.toString()).queryParam("status", "POSTED").get(INVOICES).then()
                .statusCode(200).body("invoices.size()", equalTo(4));
        finance().queryParam("status", "PAID").get(INVOICES).then().statusCode(400)
                .body("errors.field", hasItem("status"));
        finance().queryParam("eventId", "not-an-id").get(INVOICES).then().statusCode(400)
                .body("errors.field", hasItem("eventId"));
        finance().queryParam("limit", 0).get(INVOICES).then().statusCode(400);

        RequestSpecification globex = PerOrganisationFinanceTest.globexFinance();
        globex.queryParam("eventId", eventId.toString()).get(INVOICES).then().statusCode(200)
                .body("invoices", equalTo(List.of()));
        PerOrganisationFinanceTest.globexFinance().get(INVOICES + "/{id}", ids.get(0)).then().statusCode(404);
        // Another organisation's purchase order matches nothing of acme's.
        post(PerOrganisationFinanceTest.globexFinance(), invoice("Feast & Co", unique("INV"), "10.00", "poNumber",
                catering.po())).statusCode(422);
        assertThat(actual(eventId)).isEqualTo(money("650.00"));
    }

    @Test
    void aCsvFileIsImportedRowByRowAndImportedAgainRecordsNothingTwice() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        Committed av = committed(eventId, "AV", "Nordic AV", "1000.00", "1000.00", null);
        String first = unique("INV");
        String csv = String.join("\n",
                "vendor,invoiceNumber,amount,currency,issuedOn,poNumber,eventId,kind,creditsInvoiceNumber",
                "Feast & Co," + first + ",1200.00,EUR,2027-03-12," + catering.po() + ",,,",
                "Nordic AV," + unique("NAV") + ",900.00,,2027-03-13,," + eventId + ",,",
                "Nobody Ltd," + unique("X") + ",10.00,,2027-03-13,PO-NOBODY-HAS,,,",
                "Feast & Co," + unique("INV") + ",12.3.4,,2027-03-13," + catering.po() + ",,,",
                "Nordic AV," + unique("NAV") + ",200.00,,2027-03-14," + av.po() + ",,,",
                "Feast & Co," + unique("CN") + ",100.00,,2027-03-15,,,CREDIT_NOTE," + first,
                "\"Quoted, Vendor\"," + unique("Q") + ",1.00,,2027-03-16,,,,", "");
        JsonPath job = importCsv(finance(), csv).statusCode(201).body("status", equalTo("DONE"))
                .body("rowsTotal", equalTo(7)).extract().jsonPath();
        assertThat(job.getList("rows.outcome", String.class)).containsExactly("MATCHED", "MATCHED", "UNMATCHED",
                "REFUSED", "AWAITING_APPROVAL", "MATCHED", "REFUSED");
        assertThat(job.getList("rows.reason", String.class).get(2)).startsWith("poNumber: no committed line");
        assertThat(job.getList("rows.reason", String.class).get(3)).startsWith("amount:");
        assertThat(job.getList("rows.reason", String.class).get(6)).startsWith("poNumber:");
        assertThat(job.getList("rows.vendor", String.class).get(6)).isEqualTo("Quoted, Vendor");
        assertThat(job.getMap("counts")).containsEntry("matched", 3).containsEntry("awaitingApproval", 1)
                .containsEntry("unmatched", 1).containsEntry("refused", 2).containsEntry("alreadyRecorded", 0);
        assertThat(actual(eventId)).isEqualTo(money("2000.00"));
        finance().get(IMPORT + "/{id}", job.getString("id")).then().statusCode(200)
                .body("rows.outcome", equalTo(job.getList("rows.outcome")));

        // The same file again: what was recorded is recognised, nothing is counted twice.
        JsonPath again = importCsv(finance(), csv).statusCode(201).extract().jsonPath();
        assertThat(again.getList("rows.outcome", String.class)).containsExactly("ALREADY_RECORDED",
                "ALREADY_RECORDED", "UNMATCHED", "REFUSED", "ALREADY_RECORDED", "ALREADY_RECORDED", "REFUSED");
        assertThat(again.getList("rows.invoiceId")).isEqualTo(job.getList("rows.invoiceId"));
        assertThat(actual(eventId)).isEqualTo(money("2000.00"));
        assertThat(actualEntries(eventId)).containsExactly(money("1200.00"), money("900.00"), money("-100.00"));

        // An exponent that makes a short amount vast is out of bounds like any other (its digits overflow an int).
        JsonPath vast = importCsv(finance(), "vendor,invoiceNumber,amount,currency,issuedOn,poNumber,eventId,kind,"
                + "creditsInvoiceNumber\nFeast & Co," + unique("V") + ",1E+2147483647,,2027-03-17," + catering.po()
                + ",,,\n").statusCode(201).extract().jsonPath();
        assertThat(vast.getList("rows.outcome", String.class)).containsExactly("REFUSED");
        assertThat(vast.getList("rows.reason", String.class).get(0)).startsWith("amount: must be positive");
        assertThat(actual(eventId)).isEqualTo(money("2000.00"));

        // A bad header refuses the whole file, naming the column.
        importCsv(finance(), "vendor,invoiceNo,amount,issuedOn\nX,1,1.00,2027-01-01\n").statusCode(400)
                .body("errors.field", hasItem("header")).body("detail", containsString("invoiceNo"));
        importCsv(finance(), "vendor,amount,issuedOn\nX,1.00,2027-01-01\n").statusCode(400)
                .body("detail", containsString("invoiceNumber"));
        importCsv(finance(), "vendor,invoiceNumber,amount,issuedOn\n").statusCode(400)
                .body("errors.field", hasItem("file"));
        importCsv(organizer(), csv).statusCode(403);
        PerOrganisationFinanceTest.globexFinance().get(IMPORT + "/{id}", job.getString("id")).then()
                .statusCode(404);
    }

    @Inject
    InvoiceImports imports;

    /**
     * The service stops in the middle of an import (a crash, a restart): the import does not stay RUNNING for ever.
     * Once its lease (renewed with every row) is over it is INTERRUPTED, with the rows it got to; one still running
     * is left alone; and the file imported again records the rest and nothing twice.
     */
    @Test
    void anImportWhoseServiceStoppedIsMarkedInterruptedAndTheFileImportedAgainCompletesIt() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        String header = "vendor,invoiceNumber,amount,issuedOn,poNumber\n";
        String first = "Feast & Co," + unique("INV") + ",1200.00,2027-03-12," + catering.po() + "\n";
        String second = "Feast & Co," + unique("INV") + ",300.00,2027-03-13," + catering.po() + "\n";
        UUID recorded = UUID.fromString(importCsv(finance(), header + first).statusCode(201)
                .extract().path("rows[0].invoiceId"));
        // What an import of both rows had written when its service stopped after the first: the job, running, its
        // lease over, and the first row's outcome. Beside it, an import still running on another instance.
        UUID stopped = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : List.of(stopped, running)) {
                Invoice.getEntityManager().createNativeQuery("""
                        insert into invoice_import (id, organisation, status, rows_total, requested_by, requested_at,
                                                    lease_until)
                        values (:id, 'acme', 'RUNNING', 2, :by, now() - interval '2 minutes', :lease)""")
                        .setParameter("id", id).setParameter("by", Api.FINANCE)
                        .setParameter("lease", id == stopped ? Instant.now().minusSeconds(1)
                                : Instant.now().plus(Duration.ofHours(1)))
                        .executeUpdate();
            }
            Invoice.getEntityManager().createNativeQuery("""
                    insert into invoice_import_row (import_id, row_number, vendor, invoice_number, outcome, invoice_id)
                    values (:id, 1, 'Feast & Co', 'stopped', 'MATCHED', :invoice)""")
                    .setParameter("id", stopped).setParameter("invoice", recorded).executeUpdate();
        });
        finance().get(IMPORT + "/{id}", stopped).then().statusCode(200).body("status", equalTo("RUNNING"));

        assertThat(imports.markInterrupted()).isGreaterThanOrEqualTo(1);

        finance().get(IMPORT + "/{id}", stopped).then().statusCode(200).body("status", equalTo("INTERRUPTED"))
                .body("finishedAt", notNullValue()).body("rowsTotal", equalTo(2))
                .body("rows.outcome", equalTo(List.of("MATCHED")));
        finance().get(IMPORT + "/{id}", running).then().statusCode(200).body("status", equalTo("RUNNING"))
                .body("finishedAt", nullValue());

        JsonPath again = importCsv(finance(), header + first + second).statusCode(201).body("status", equalTo("DONE"))
                .extract().jsonPath();
        assertThat(again.getList("rows.outcome", String.class)).containsExactly("ALREADY_RECORDED", "MATCHED");
        assertThat(actual(eventId)).isEqualTo(money("1500.00"));
    }

    /**
     * A finance system sends a large file and asks not to wait (RFC 7240 {@code Prefer: respond-async}): the file is
     * checked, the answer is 202 at once with the job RUNNING, and the rows are imported in the background as the
     * requester, exactly as in a request: the same matching, the same organisation, and the requester as the one who
     * recorded each invoice (so they may not approve their own). Past the imports allowed in the background at once
     * (one in this test's configuration), an import runs while its request waits, answered 201.
     */
    @Test
    void aFileImportedInTheBackgroundIsAnsweredAtOnceAndRecordedAsItsRequester() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "100000.00", "3000.00", null);
        StringBuilder csv = new StringBuilder("vendor,invoiceNumber,amount,issuedOn,poNumber\n");
        int matched = 300;
        for (int i = 0; i < matched; i++) {
            csv.append("Feast & Co,").append(unique("BG")).append(",10.00,2027-03-12,").append(catering.po())
                    .append('\n');
        }
        csv.append("Nobody Ltd,").append(unique("X")).append(",10.00,2027-03-12,PO-NOBODY-HAS\n");
        // Beyond the purchase order: held for another member of finance than the requester.
        csv.append("Feast & Co,").append(unique("BG")).append(",500.00,2027-03-13,").append(catering.po())
                .append('\n');

        ValidatableResponse accepted = importCsv(finance().header("Prefer", "respond-async"), csv.toString())
                .statusCode(202).header("Preference-Applied", "respond-async")
                .body("status", equalTo("RUNNING")).body("rowsTotal", equalTo(matched + 2))
                .body("finishedAt", nullValue()).body("requestedBy", equalTo(Api.FINANCE));
        String id = accepted.extract().path("id");
        accepted.header("Location", endsWith(IMPORT + "/" + id));
        assertThat(accepted.extract().jsonPath().getList("rows")).hasSizeLessThan(matched + 2);

        // While it runs, another import asked to run in the background runs while its request waits.
        String other = "vendor,invoiceNumber,amount,issuedOn,poNumber\nFeast & Co," + unique("FG")
                + ",1.00,2027-03-14," + catering.po() + "\n";
        importCsv(finance().header("Prefer", "respond-async"), other).statusCode(201)
                .header("Preference-Applied", nullValue()).body("status", equalTo("DONE"))
                .body("rows[0].outcome", equalTo("MATCHED"));
        // A bad file is refused at once, background or not.
        importCsv(finance().header("Prefer", "respond-async"), "vendor,invoiceNo,amount,issuedOn\nX,1,1.00,"
                + "2027-01-01\n").statusCode(400).body("errors.field", hasItem("header"));

        JsonPath done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> finance().get(IMPORT + "/{id}", id).then().statusCode(200).extract().jsonPath(),
                job -> "DONE".equals(job.getString("status")));
        // Polled with its tag once it is through: nothing new, no body.
        String tag = finance().get(IMPORT + "/{id}", id).then().statusCode(200).extract().header("ETag");
        finance().header("If-None-Match", tag).get(IMPORT + "/{id}", id).then().statusCode(304);
        assertThat(done.getMap("counts")).containsEntry("matched", matched).containsEntry("unmatched", 1)
                .containsEntry("awaitingApproval", 1).containsEntry("refused", 0);
        assertThat(done.getString("finishedAt")).isNotNull();
        assertThat(actual(eventId)).isEqualTo(money("3001.00"));
        String held = done.getString("rows[" + (matched + 1) + "].invoiceId");
        finance().post(INVOICES + "/{id}/approve", held).then().statusCode(403)
                .body("type", equalTo("https://convene.app/problems/own-invoice"));
        financeLead().post(INVOICES + "/{id}/approve", held).then().statusCode(200);
        PerOrganisationFinanceTest.globexFinance().get(IMPORT + "/{id}", id).then().statusCode(404);

        // The requester's identity is set in a request context of the worker's own, never in one shared.
        assertThat(io.quarkus.arc.Arc.container().instance(
                io.quarkus.security.identity.CurrentIdentityAssociation.class).getBean().getScope())
                .isEqualTo(jakarta.enterprise.context.RequestScoped.class);

        // Once it is through, the next one goes to the background again.
        String last = "vendor,invoiceNumber,amount,issuedOn,poNumber\nFeast & Co," + unique("LG")
                + ",1.00,2027-03-15," + catering.po() + "\n";
        String lastId = importCsv(finance().header("Prefer", "wait=5, respond-async"), last).statusCode(202)
                .extract().path("id");
        // The line is beyond its purchase order since the approval: held, as it would be in a request.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> finance().get(IMPORT + "/{id}", lastId).then()
                .statusCode(200).body("status", equalTo("DONE"))
                .body("rows[0].outcome", equalTo("AWAITING_APPROVAL")));
    }

    /**
     * Finance finds the organisation's imports again without their Location: newest first, a page at a time, each
     * with its counts; another organisation's never appear, and a cursor that is not one of the list's is a 400.
     */
    @Test
    void theOrganisationsImportsAreListedNewestFirstAPageAtATime() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        String header = "vendor,invoiceNumber,amount,issuedOn,poNumber\n";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(importCsv(finance(), header + "Feast & Co," + unique("LI") + ",10.00,2027-03-12," + catering.po()
                    + "\nNobody Ltd," + unique("X") + ",1.00,2027-03-12,PO-NOBODY-HAS\n").statusCode(201)
                    .extract().path("id"));
        }
        String globex = PerOrganisationFinanceTest.globexFinance().contentType("text/csv")
                .body(header + "Feast & Co," + unique("GX") + ",1.00,2027-03-12,PO-GLOBEX\n").post(IMPORT).then()
                .statusCode(201).extract().path("id");

        JsonPath first = finance().queryParam("limit", 2).get(IMPORT).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("imports.id", String.class)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.getString("imports[0].status")).isEqualTo("DONE");
        assertThat(first.getInt("imports[0].rowsTotal")).isEqualTo(2);
        assertThat(first.getMap("imports[0].counts")).containsEntry("matched", 1).containsEntry("unmatched", 1);
        assertThat(first.getString("imports[0].requestedBy")).isEqualTo(Api.FINANCE);
        assertThat(first.getList("imports[0].rows")).isNull();
        assertThat(first.getString("next")).isEqualTo(ids.get(1));

        JsonPath second = finance().queryParam("after", first.getString("next")).queryParam("limit", 2).get(IMPORT)
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("imports[0].id")).isEqualTo(ids.get(0));
        assertThat(second.getList("imports.id", String.class)).doesNotContain(globex);

        PerOrganisationFinanceTest.globexFinance().queryParam("limit", 100).get(IMPORT).then().statusCode(200)
                .body("imports.id", hasItem(globex)).body("imports.id", not(hasItem(ids.get(0))));
        PerOrganisationFinanceTest.globexFinance().queryParam("after", ids.get(0)).get(IMPORT).then()
                .statusCode(400).body("errors.field", hasItem("after"));
        finance().queryParam("limit", 0).get(IMPORT).then().statusCode(400);
        organizer().get(IMPORT).then().statusCode(403);
    }

    @Test
    void anImportRetriedWithItsIdempotencyKeyAnswersTheFirstJob() {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        String csv = "vendor,invoiceNumber,amount,issuedOn,poNumber\nFeast & Co," + unique("INV")
                + ",300.00,2027-03-12," + catering.po() + "\n";
        String key = UUID.randomUUID().toString();
        String id = importCsv(finance().header("Idempotency-Key", key), csv).statusCode(201).extract().path("id");
        importCsv(finance().header("Idempotency-Key", key), csv).statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(id)).body("rows[0].outcome", equalTo("MATCHED"));
        importCsv(finance().header("Idempotency-Key", key), csv + "X,Y,1.00,2027-03-12,\n").statusCode(422);
        assertThat(actual(eventId)).isEqualTo(money("300.00"));
    }

    @Test
    void oneInvoiceImportedTwiceAtOnceOrPostedConcurrentlyIsPostedOnce() throws Exception {
        UUID eventId = budgetedEvent();
        Committed catering = committed(eventId, "CATERING", "Feast & Co", "3000.00", "2800.00", null);
        // Two imports of the same file at the same moment, no idempotency key.
        String csv = "vendor,invoiceNumber,amount,issuedOn,poNumber\nFeast & Co," + unique("INV")
                + ",777.77,2027-03-12," + catering.po() + "\n";
        List<JsonPath> jobs = concurrently(2, () -> importCsv(finance(), csv).statusCode(201).extract().jsonPath());
        assertThat(jobs).extracting(j -> j.getString("rows[0].outcome"))
                .containsExactlyInAnyOrder("MATCHED", "ALREADY_RECORDED");
        assertThat(jobs).extracting(j -> j.getString("rows[0].invoiceId")).containsOnly(
                jobs.get(0).getString("rows[0].invoiceId"));

        // Eight concurrent POSTs of another invoice, no idempotency key: one 201, the others 200 with it.
        Map<String, Object> invoice = invoice("Feast & Co", unique("INV"), "111.11", "poNumber", catering.po());
        List<Integer> statuses = concurrently(8, () -> post(finance(), invoice).extract().statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(7);

        assertThat(actual(eventId)).isEqualTo(money("888.88"));
        assertThat(actualEntries(eventId)).containsExactly(money("777.77"), money("111.11"));
    }

    @Test
    void everyInvoiceOperationDocumentsItsRefusalsAsProblems() {
        JsonPath doc = io.restassured.RestAssured.given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> expected = Map.of(
                "'/api/finance/invoices'.post", List.of("200", "201", "400", "403", "404", "409", "422"),
                "'/api/finance/invoices'.get", List.of("200", "400", "403"),
                "'/api/finance/invoices/{invoiceId}'.get", List.of("200", "403", "404"),
                "'/api/finance/invoices/{invoiceId}/approve'.post", List.of("200", "403", "404", "409", "422"),
                "'/api/finance/invoices/{invoiceId}/reject'.post", List.of("200", "400", "403", "404", "409", "422"),
                "'/api/finance/invoices/import'.post", List.of("201", "202", "400", "403", "409", "415", "422"),
                "'/api/finance/invoices/import/{importId}'.get", List.of("200", "304", "403", "404"),
                "'/api/finance/invoices/import'.get", List.of("200", "400", "403"));
        expected.forEach((operation, statuses) -> {
            assertThat(doc.getMap("paths." + operation + ".responses")).as(operation)
                    .containsKeys(statuses.toArray(String[]::new));
            assertThat(doc.getString("paths." + operation + ".operationId")).as(operation).isNotBlank();
            for (String status : statuses) {
                if (status.startsWith("4")) {
                    assertThat(DocumentedAnswers.content(doc, operation, status))
                            .as(operation + " " + status).containsKey("application/problem+json");
                }
            }
        });
        assertThat(doc.getMap("paths.'/api/finance/invoices/import'.post.requestBody.content")).containsKey("text/csv");
        assertThat(doc.getList("tags.name", String.class)).contains("Invoices by purchase order");
    }

    static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
