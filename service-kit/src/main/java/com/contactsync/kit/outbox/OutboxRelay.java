package com.contactsync.kit.outbox;

import com.contactsync.kit.messaging.CloudEventPublisher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes outbox events to Kafka in id order, at least once, then deletes them.
 *
 * <p>Per-key order holds because a service changes one aggregate under a row lock, so the ids of one key's events
 * are in commit order, and the relay only deletes what the broker acknowledged: after a failure it sends again from
 * the oldest unpublished event. One relay publishes at a time across replicas: the one holding a PostgreSQL advisory
 * lock on a dedicated connection, so a crashed leader's lock is released with its connection.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant shared by all replicas of one service (each service has its own database). */
    private static final long LEADER_LOCK_KEY = 0x0B0C5E1AL;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final CloudEventPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private volatile boolean pending;
    private volatile boolean leader;
    private Thread thread;
    private Connection leaderConnection;

    public OutboxRelay(DataSource dataSource, JdbcClient jdbc, CloudEventPublisher publisher,
                       OutboxProperties properties, OutboxMetrics metrics) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Called after a commit that appended events, so they go out without waiting for the next poll. */
    public void wakeUp() {
        lock.lock();
        try {
            pending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isLeader() {
        return leader;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        releaseLeadership();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop early, start late: the relay needs the Kafka producer and the data source, so it runs inside their lifetime. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        Duration backoff = properties.pollInterval();
        while (running) {
            try {
                if (!ensureLeadership()) {
                    await(properties.pollInterval());
                    continue;
                }
                int published = publishBatch();
                backoff = properties.pollInterval();
                if (published < properties.batchSize()) {
                    await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay round failed, retrying in {}: {}", backoff, e.toString());
                metrics.failedRound();
                releaseLeadershipIfBroken();
                try {
                    await(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            }
        }
    }

    private int publishBatch() throws InterruptedException {
        List<OutboxRow> rows = jdbc.sql("""
                SELECT id, topic, record_key, event_id, event_type, event_source, event_time, payload
                FROM outbox_event ORDER BY id LIMIT ?""")
                .param(properties.batchSize())
                .query((rs, n) -> OutboxRow.read(rs))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            sends.add(publisher.send(CloudEventPublisher.record(row.topic(), row.event())));
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge outbox events: " + e.getMessage(), e);
        }
        Long[] ids = rows.stream().map(OutboxRow::id).toArray(Long[]::new);
        jdbc.sql("DELETE FROM outbox_event WHERE id = ANY(?)")
                .param(ids)
                .update();
        metrics.published(rows.size());
        return rows.size();
    }

    private boolean ensureLeadership() throws SQLException {
        if (leader) {
            return true;
        }
        if (leaderConnection == null) {
            leaderConnection = dataSource.getConnection();
            leaderConnection.setAutoCommit(true);
        }
        try (PreparedStatement statement = leaderConnection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LEADER_LOCK_KEY);
            try (ResultSet rs = statement.executeQuery()) {
                leader = rs.next() && rs.getBoolean(1);
            }
        }
        if (leader) {
            log.info("This instance now relays the outbox");
        }
        return leader;
    }

    private void releaseLeadershipIfBroken() {
        try {
            if (leaderConnection != null && !leaderConnection.isValid(2)) {
                releaseLeadership();
            }
        } catch (SQLException e) {
            releaseLeadership();
        }
    }

    private void releaseLeadership() {
        leader = false;
        if (leaderConnection != null) {
            try {
                // Closing ends the session, which releases the advisory lock.
                leaderConnection.close();
            } catch (SQLException e) {
                log.debug("Closing the outbox leader connection failed", e);
            }
            leaderConnection = null;
        }
    }

    private void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                work.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
