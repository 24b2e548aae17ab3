package com.contactsync.gateway.commands;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs commands one mailbox after the other in each mailbox's lane, and the lanes of different mailboxes side by
 * side on {@code parallel-mailboxes} threads: a mailbox that waits for Graph's {@code Retry-After} holds up only
 * itself, not the other mailboxes of its partition. A lane runs its next command, together with the write commands
 * waiting behind it that can share its {@code $batch} ({@link CommandGroups}), and then queues again behind the other
 * lanes, so a busy mailbox does not starve the rest.
 */
@Component
class CommandLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandLanes.class);

    private final ExecutorService workers;
    private final GatewayProperties.Commands settings;
    /** Looked up when the first command runs: the runner publishes only while the lanes are not stopping. */
    private final ObjectProvider<CommandRunner> runner;
    private final Map<String, Lane> lanes = new HashMap<>();
    private volatile boolean running;

    CommandLanes(GatewayProperties properties, ObjectProvider<CommandRunner> runner) {
        this.settings = properties.commands();
        this.runner = runner;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.parallelMailboxes(), task -> {
            Thread thread = new Thread(task, "mailbox-lane-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static final class Lane {
        final String key;
        final Queue<QueuedCommand> commands = new ArrayDeque<>();
        boolean queued;

        Lane(String key) {
            this.key = key;
        }
    }

    /**
     * Queues a command behind the mailbox's earlier ones.
     *
     * @return false, queueing nothing, when the mailbox already has {@code max-queued-per-mailbox} commands waiting
     */
    boolean submit(String mailbox, QueuedCommand command) {
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(mailbox.toLowerCase(Locale.ROOT), Lane::new);
            if (lane.commands.size() >= settings.maxQueuedPerMailbox()) {
                return false;
            }
            lane.commands.add(command);
            if (!lane.queued) {
                lane.queued = true;
                workers.execute(() -> runNext(lane));
            }
            return true;
        }
    }

    private void runNext(Lane lane) {
        List<QueuedCommand> group;
        synchronized (lanes) {
            group = CommandGroups.take(lane.commands, settings.gatherOperations());
        }
        try {
            // when run throws (the gateway is stopping), the commands stay unanswered and Kafka delivers them again
            runner.getObject().run(group);
        } catch (RuntimeException e) {
            log.error("A command of lane {} failed unexpectedly", lane.key, e);
        }
        synchronized (lanes) {
            if (lane.commands.isEmpty()) {
                lane.queued = false;
                lanes.remove(lane.key);
            } else if (running) {
                workers.execute(() -> runNext(lane));
            }
        }
    }

    /** Whether the gateway is stopping, so work under way should give up rather than wait. */
    boolean stopping() {
        return !running;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Lets commands under way finish and publish their answers; what is left comes again from Kafka after a restart. */
    @Override
    public void stop() {
        running = false;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Commands still under way after {}; Kafka delivers them again after the restart", settings.shutdownGrace());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the Kafka binding (which stops at a phase near {@code Integer.MAX_VALUE}), so no command arrives any more. */
    @Override
    public int getPhase() {
        return 0;
    }
}
