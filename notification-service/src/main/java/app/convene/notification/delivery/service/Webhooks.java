package app.convene.notification.delivery.service;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.convene.notification.config.DeliveryConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Posts one webhook. The URL is checked again ({@link WebhookAddresses}: its host is resolved now and every address
 * must be allowed) and the connection goes to the checked address, with no second lookup, while the Host header and
 * the TLS server name (and certificate check) stay the URL's host. Redirects are not followed (a 3xx is a failure);
 * the whole exchange, from connecting to the receiver's status line, has one deadline
 * ({@code delivery.webhook-timeout}); the answer's body is never read. What is kept of a failure is a generic
 * outcome ("timed out", "connection refused", "HTTP 500", "address not allowed"), never an exception's text.
 */
@ApplicationScoped
public class Webhooks {
    private static final Logger LOG = Logger.getLogger(Webhooks.class);

    @Inject
    Vertx vertx;
    @Inject
    WebhookAddresses addresses;
    @Inject
    DeliveryConfig config;

    private HttpClient client;

    /** How one exchange ended. */
    public record Outcome(boolean succeeded, String detail) {
    }

    @PostConstruct
    void createClient() {
        long deadline = config.webhookTimeout().toMillis();
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setVerifyHost(true)
                .setMaxRedirects(0).setConnectTimeout((int) Math.min(Integer.MAX_VALUE, deadline))
                .setMaxPoolSize(Math.max(4, config.senders() * 2)).setTryUseCompression(false));
    }

    @PreDestroy
    void closeClient() {
        client.close();
    }

    /** Posts {@code body} with {@code headers} to {@code url}; blocks the calling (sender) thread until the deadline. */
    public Outcome post(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        WebhookAddresses.Target target;
        try {
            target = addresses.check(url);
        } catch (WebhookAddresses.Refused e) {
            return new Outcome(false, e.outcome());
        }
        // What the host lookup took comes off the one deadline of the exchange.
        long deadline = config.webhookTimeout().toMillis() - (System.nanoTime() - started) / 1_000_000;
        if (deadline <= 0) {
            return new Outcome(false, "timed out");
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(),
                        target.addresses().get(0).getHostAddress()))
                .setHost(target.host()).setPort(target.port()).setSsl(target.tls()).setURI(target.pathAndQuery())
                .setFollowRedirects(false).setConnectTimeout(deadline).setIdleTimeout(deadline);
        headers.forEach(options::putHeader);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        client.request(options).onSuccess(request -> {
            sent.set(request);
            request.response().onSuccess(response -> {
                // The status line is all that counts: the body is not read, the connection is closed.
                response.exceptionHandler(ignored -> {
                });
                status.complete(response.statusCode());
                request.connection().close();
            }).onFailure(status::completeExceptionally);
            request.end(body).onFailure(status::completeExceptionally);
        }).onFailure(status::completeExceptionally);
        try {
            int code = status.get(deadline, TimeUnit.MILLISECONDS);
            return new Outcome(code / 100 == 2, "HTTP " + code);
        } catch (TimeoutException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            return new Outcome(false, "timed out");
        } catch (ExecutionException e) {
            LOG.debugf(e.getCause(), "webhook to %s failed", target.host());
            return new Outcome(false, describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /** A failure in generic words: nothing of the exception's own text, which may name internal addresses. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof TimeoutException || name.contains("Timeout")) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof UnknownHostException) {
                return "host not found";
            }
        }
        return "connection failed";
    }
}
