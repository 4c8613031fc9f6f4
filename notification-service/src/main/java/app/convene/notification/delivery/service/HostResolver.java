package app.convene.notification.delivery.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks up a host's addresses (the system resolver); every one of them is checked before a webhook is sent. A lookup
 * runs on its own small pool, so a slow DNS server costs a sender at most the deadline it is given.
 */
@ApplicationScoped
public class HostResolver {
    private final ExecutorService lookups = Executors.newFixedThreadPool(8, new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger number = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "webhook-host-lookup-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** The host's addresses, as the resolver gives them (blocking). */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }

    /** {@link #resolve} within {@code deadline}; a {@link TimeoutException} after it. */
    public final List<InetAddress> resolveWithin(String host, Duration deadline)
            throws UnknownHostException, TimeoutException {
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolve(host);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, lookups);
        try {
            return lookup.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException();
        } finally {
            lookup.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }
}
