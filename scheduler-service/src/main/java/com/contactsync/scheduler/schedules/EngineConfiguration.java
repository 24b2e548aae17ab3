package com.contactsync.scheduler.schedules;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler, the cluster-capable engine that fires schedules: every instance polls {@code scheduled_tasks}, and
 * PostgreSQL's {@code SELECT ... FOR UPDATE SKIP LOCKED} gives each due execution to exactly one of them.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    /** Occurrences are computed and fired on this clock; tests replace it to step time forward. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Scheduler syncScheduleEngine(DataSource dataSource, OccurrenceFiring firing, Clock clock,
                                 SchedulerProperties properties, MeterRegistry registry) {
        List<Task<?>> tasks = List.of(firing.task());
        // Transaction-aware: the engine's statements join a Spring transaction when the caller has one (the firing,
        // and the REST writes planning executions); outside one, each is its own.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(clock::instant)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                // Firing an occurrence takes milliseconds; one still running at shutdown is fenced off by its version.
                .shutdownMaxWait(Duration.ofSeconds(10))
                .statsRegistry(new MicrometerStatsRegistry(registry, tasks))
                .build();
    }

    /** Starts polling once everything else runs, and stops before the outbox relay so the last triggers go out. */
    @Bean
    SmartLifecycle syncScheduleEngineLifecycle(Scheduler engine) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                engine.start();
                running = true;
            }

            @Override
            public void stop() {
                engine.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 500;
            }
        };
    }
}
