package app.convene.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Finance exports the journal, books it and marks it exported up to the newest entry the file held; the next export
 * since the marker holds only what was recorded after, while a full export of the period still holds everything, the
 * same bytes each time. The marker only moves forward, also when moved by several at once.
 */
@QuarkusTest
class JournalMarkerTest {
    /** The period read: today with a day on either side, so a run across midnight (UTC) still holds its entries. */
    static final String FROM = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    static Response journal(SieExportTest.Company company, String format, boolean sinceMarker) {
        var request = company.asFinance().queryParam("from", FROM).queryParam("to", TO)
                .queryParam("format", format);
        if (sinceMarker) {
            request.queryParam("since", "marker");
        }
        return request.get("/api/finance/journal");
    }

    static Set<String> entryIds(String csv) throws IOException {
        return SieExportTest.csv(csv).stream().map(r -> r.get("entryId")).collect(Collectors.toSet());
    }

    @Test
    void afterTheMarkerOnlyTheNewEntryIsExportedAndAFullReExportIsUnchanged() throws IOException {
        SieExportTest.Company company = SieExportTest.Company.fresh();
        UUID eventId = company.event("EUR", "KS-7");
        company.committedLine(eventId, "Scen och ljus", "Ljudbolaget", "6430", "3000.00", null);
        company.asFinance().get("/api/finance/journal/marker").then().statusCode(200).body("upTo", equalTo(0))
                .body("setAt", equalTo(null));

        Response first = journal(company, "CSV", false).then().statusCode(200).extract().response();
        long upTo = Long.parseLong(first.header("Journal-Up-To"));
        Set<String> booked = entryIds(first.asString());
        assertThat(booked).hasSize(1);
        company.asFinance().body(Map.of("upTo", upTo)).put("/api/finance/journal/marker").then().statusCode(200)
                .body("upTo", equalTo((int) upTo)).body("setBy", equalTo(company.finance()));
        // Nothing new yet.
        assertThat(SieExportTest.csv(journal(company, "CSV", true).then().statusCode(200).extract().asString()))
                .isEmpty();

        company.committedLine(eventId, "Fika för volontärer", "Kafé Öst", "6420", "480.00", "480.00");
        Response since = journal(company, "CSV", true).then().statusCode(200).extract().response();
        Set<String> fresh = entryIds(since.asString());
        assertThat(fresh).hasSize(2).doesNotContainAnyElementsOf(booked);
        assertThat(SieExportTest.csv(since.asString())).extracting(r -> r.get("entryType") + " " + r.get("side"))
                .containsExactly("PURCHASE_ORDER DEBIT", "PURCHASE_ORDER CREDIT", "INVOICE DEBIT", "INVOICE CREDIT");
        assertThat(Long.parseLong(since.header("Journal-Up-To"))).isGreaterThan(upTo);
        // The SIE file since the marker holds the same two vouchers.
        String sie = new String(journal(company, "SIE4", true).then().statusCode(200).extract().asByteArray(),
                Charset.forName("IBM437"));
        assertThat(SieExportTest.Sie.parse(sie).vouchers()).hasSize(2)
                .allSatisfy(v -> assertThat(v.transactions()).allSatisfy(t -> assertThat(t.text()).isEqualTo("Kafé Öst")));

        // The full export still holds all three entries, byte for byte the same each time.
        byte[] full = journal(company, "CSV", false).then().statusCode(200).extract().asByteArray();
        assertThat(entryIds(new String(full, java.nio.charset.StandardCharsets.UTF_8))).hasSize(3)
                .containsAll(booked).containsAll(fresh);
        assertThat(journal(company, "CSV", false).then().statusCode(200).extract().asByteArray()).isEqualTo(full);

        // An export job since the marker holds what the synchronous one does.
        String location = company.asFinance().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("from", FROM, "to", TO, "format", "CSV", "since", "marker"))
                .post("/api/finance/exports").then().statusCode(202).body("afterLedgerId", equalTo((int) upTo))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> company.asFinance().get(location).then()
                .statusCode(200).body("status", equalTo("DONE")));
        assertThat(company.asFinance().get(location + "/file").then().statusCode(200).extract().asString())
                .isEqualTo(since.asString());
    }

    @Test
    void theMarkerOnlyMovesForwardAndRefusesWhatNoExportGave() throws Exception {
        SieExportTest.Company company = SieExportTest.Company.fresh();
        UUID eventId = company.event("EUR", null);
        company.committedLine(eventId, "Tält", "Tältmakarna", "6100", "900.00", null);
        long newest = Long.parseLong(journal(company, "CSV", false).then().statusCode(200).extract()
                .header("Journal-Up-To"));
        assertThat(newest).isPositive();

        // Finance of the company moves the marker from several places at once: it ends at the furthest.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> moves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long upTo = Math.max(0, newest - i);
            moves.add(() -> company.asFinance().body(Map.of("upTo", upTo)).put("/api/finance/journal/marker")
                    .then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(moves)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409).contains(200);
        company.asFinance().get("/api/finance/journal/marker").then().body("upTo", equalTo((int) newest));

        company.asFinance().body(Map.of("upTo", newest - 1)).put("/api/finance/journal/marker").then()
                .statusCode(409).contentType("application/problem+json").body("type", containsString("marker-behind"));
        company.asFinance().body(Map.of("upTo", newest)).put("/api/finance/journal/marker").then().statusCode(200);
        company.asFinance().body(Map.of("upTo", Long.MAX_VALUE)).put("/api/finance/journal/marker").then()
                .statusCode(400).body(containsString("upTo"));
        company.asFinance().body(Map.of("upTo", -1)).put("/api/finance/journal/marker").then().statusCode(400)
                .body(containsString("upTo"));
        company.asFinance().body(Map.of()).put("/api/finance/journal/marker").then().statusCode(400)
                .body(containsString("upTo"));
        // Only finance marks the journal.
        company.asOrganizer().body(Map.of("upTo", newest)).put("/api/finance/journal/marker").then().statusCode(403);
    }
}
