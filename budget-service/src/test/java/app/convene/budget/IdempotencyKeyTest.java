package app.convene.budget;

import static app.convene.budget.Api.addLine;
import static app.convene.budget.Api.announcements;
import static app.convene.budget.Api.budgetedEvent;
import static app.convene.budget.Api.finance;
import static app.convene.budget.Api.line;
import static app.convene.budget.Api.money;
import static app.convene.budget.Api.organizer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.IdempotentPosts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A planner whose connection dropped retries with the same Idempotency-Key and gets the first answer again: one line,
 * one approval, one invoice, never a second. The same key with another request is refused.
 */
@QuarkusTest
class IdempotencyKeyTest {
    private static final String REUSED = "https://convene.app/problems/idempotency-key-reused";

    private static ExtractableResponse<Response> post(RequestSpecification as, String key, Object body, String path,
            Object... values) {
        RequestSpecification request = as.header("Idempotency-Key", key);
        if (body != null) {
            request.body(body);
        }
        return request.post(path, values).then().extract();
    }

    private static void assertReplayed(ExtractableResponse<Response> first, ExtractableResponse<Response> retry) {
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
    }

    @Test
    void aRetriedLineIsAddedOnceAndTheFirstAnswerReplayed() {
        UUID eventId = budgetedEvent();
        String key = UUID.randomUUID().toString();
        Map<String, Object> catering = line("CATERING", "FIXED", "1200.00", null);

        ExtractableResponse<Response> first = post(organizer(), key, catering, "/api/events/{e}/budget/lines", eventId);
        ExtractableResponse<Response> retry = post(organizer(), key, catering, "/api/events/{e}/budget/lines", eventId);

        assertThat(first.statusCode()).isEqualTo(201);
        assertReplayed(first, retry);
        organizer().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(1))
                .body("totals.forecast", equalTo(money("1200.00")));
        organizer().get("/api/events/{e}/budget/ledger", eventId).then()
                .body("entries.findAll { it.kind == 'ESTIMATE' }", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyOrOnAnotherEventIsRefusedAndChangesNothing() {
        UUID eventId = budgetedEvent();
        UUID otherEvent = budgetedEvent();
        String key = UUID.randomUUID().toString();
        Map<String, Object> catering = line("CATERING", "FIXED", "1200.00", null);
        post(organizer(), key, catering, "/api/events/{e}/budget/lines", eventId).statusCode();

        ExtractableResponse<Response> otherBody = post(organizer(), key, line("CATERING", "FIXED", "1300.00", null),
                "/api/events/{e}/budget/lines", eventId);
        ExtractableResponse<Response> otherPath = post(organizer(), key, catering, "/api/events/{e}/budget/lines",
                otherEvent);

        for (ExtractableResponse<Response> refused : List.of(otherBody, otherPath)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("type")).isEqualTo(REUSED);
        }
        organizer().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(1))
                .body("totals.forecast", equalTo(money("1200.00")));
        organizer().get("/api/events/{e}/budget", otherEvent).then().body("lines", hasSize(0));
        // Another caller's key never meets this one: the same key is theirs to use.
        assertThat(post(Api.as("organizer", Api.ORGANIZER, "globex"), key, catering, "/api/events/{e}/budget/lines",
                eventId).statusCode()).isEqualTo(404);
        organizer().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(1));
    }

    @Test
    void aRetriedSubmissionAndApprovalAreReplayedAndAnnouncedOnce() {
        UUID eventId = budgetedEvent();
        addLine(eventId, line("VENUE", "FIXED", "1000.00", null));
        String submission = UUID.randomUUID().toString();
        String approval = UUID.randomUUID().toString();
        // Too early: refused, and the refusal kept nothing, so the key is not used up.
        ExtractableResponse<Response> tooEarly = post(finance(), approval, null, "/api/events/{e}/budget/approval",
                eventId);
        assertThat(tooEarly.statusCode()).isEqualTo(409);

        ExtractableResponse<Response> submitted = post(organizer(), submission, null,
                "/api/events/{e}/budget/submission", eventId);
        ExtractableResponse<Response> submittedAgain = post(organizer(), submission, null,
                "/api/events/{e}/budget/submission", eventId);
        ExtractableResponse<Response> approved = post(finance(), approval, null, "/api/events/{e}/budget/approval",
                eventId);
        // Without the key a second approval is refused (409); with it the retry gets the first answer.
        ExtractableResponse<Response> approvedAgain = post(finance(), approval, null,
                "/api/events/{e}/budget/approval", eventId);

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertReplayed(submitted, submittedAgain);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.<String>path("status")).isEqualTo("APPROVED");
        assertReplayed(approved, approvedAgain);
        // The approval key on another event's approval is another request.
        assertThat(post(finance(), approval, null, "/api/events/{e}/budget/approval", budgetedEvent()).statusCode())
                .isEqualTo(422);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(announcements(eventId, "budget.submitted.v2")).hasSize(1);
            assertThat(announcements(eventId, "budget.approved.v2")).hasSize(1);
        });
    }

    @Test
    void aRetriedInvoiceUnderTheSameKeyOnAnotherLineIsRefused() {
        UUID eventId = budgetedEvent();
        UUID lineId = InvoicesAndLedgerTest.committedCateringLine(eventId);
        UUID otherLine = InvoicesAndLedgerTest.committedCateringLine(eventId);
        String key = UUID.randomUUID().toString();
        Map<String, Object> invoice = InvoicesAndLedgerTest.invoice("Feast & Co", "INV-" + UUID.randomUUID(),
                "1200.00");

        ExtractableResponse<Response> first = post(finance(), key, invoice,
                "/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId);
        ExtractableResponse<Response> retry = post(finance(), key, invoice,
                "/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId);
        ExtractableResponse<Response> elsewhere = post(finance(), key, invoice,
                "/api/events/{e}/budget/lines/{l}/invoices", eventId, otherLine);

        assertThat(first.statusCode()).isEqualTo(201);
        assertReplayed(first, retry);
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(elsewhere.<String>path("type")).isEqualTo(REUSED);
        organizer().get("/api/events/{e}/budget/ledger", eventId).then()
                .body("entries.findAll { it.kind == 'ACTUAL' }", hasSize(1));
    }

    @Test
    void concurrentRetriesWithOneKeyAddOneLineAndAnswerAlike() throws Exception {
        UUID eventId = budgetedEvent();
        String key = UUID.randomUUID().toString();
        Map<String, Object> av = line("AV", "FIXED", "800.00", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(organizer(), key, av, "/api/events/{e}/budget/lines", eventId);
            }));
        }
        start.countDown();
        List<Object> bodies = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            ExtractableResponse<Response> response = answer.get();
            assertThat(response.statusCode()).isEqualTo(201);
            bodies.add(response.jsonPath().getMap(""));
        }
        pool.shutdown();
        assertThat(bodies).containsOnly(bodies.get(0));
        organizer().get("/api/events/{e}/budget", eventId).then().body("lines", hasSize(1));
    }

    /** A new POST that forgets the header fails here: every POST of the API declares it, and its 422. */
    @Test
    void everyPostOfTheDocumentDeclaresTheIdempotencyKey() {
        IdempotentPosts survey = IdempotentPosts.survey();
        assertThat(survey.posts()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(survey.withoutKey()).as("POSTs without the Idempotency-Key header or its 422").isEmpty();
        assertThat(survey.idempotentByNature()).isEmpty();
    }
}
