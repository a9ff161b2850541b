package dev.scaletoolkit.gateway.budget;

import dev.scaletoolkit.gateway.Hashing;
import dev.scaletoolkit.infra.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Checks and reserves budget before a task-creating call, in one transaction (so two calls cannot both take the
 * last task of a limit), then settles the reservation with what the call really created. Windows are the current
 * minute and the current UTC day, so "resets at" is exact.
 */
public final class Budgets {
    private final Database db;
    private final BudgetConfig config;
    private final Clock clock;

    public Budgets(Database db, BudgetConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** Either a reservation id, or the limit that refused. */
    public record Outcome(String reservationId, BudgetRefusal refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    public Outcome reserve(String tokenId, String tokenName, String connection, Estimate e) {
        if (!e.createsTasks()) {
            return new Outcome(null, null);
        }
        Instant now = clock.instant();
        return db.write(h -> {
            Optional<BudgetRefusal> refusal = Optional.empty();
            if (tokenId != null) {
                refusal = check(h, "token:" + tokenId, config.forToken(tokenId, tokenName), e, now, tokenId, null);
            }
            if (refusal.isEmpty()) {
                refusal = check(
                        h, "connection:" + connection, config.forConnection(connection), e, now, null, connection);
            }
            if (refusal.isPresent()) {
                return new Outcome(null, refusal.get());
            }
            String id = Hashing.randomId(16);
            SpendStore.insert(h, id, now.toEpochMilli(), tokenId, connection, e.project(), e.tasks(), e.costMicros());
            return new Outcome(id, null);
        });
    }

    /** Records what the call really created (zero forgets the reservation). */
    public void settle(String reservationId, int tasks, long costMicros) {
        if (reservationId != null) {
            db.write(h -> {
                SpendStore.settle(h, reservationId, tasks, costMicros);
                return null;
            });
        }
    }

    private static Optional<BudgetRefusal> check(
            Handle h, String scope, Limits limits, Estimate e, Instant now, String tokenId, String connection) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant nextMinute = minute.plus(1, ChronoUnit.MINUTES);
        Instant nextDay = day.plus(1, ChronoUnit.DAYS);
        if (limits.tasksPerMinute() != null) {
            long used = totals(h, tokenId, connection, minute.toEpochMilli()).tasks();
            if (used + e.tasks() > limits.tasksPerMinute()) {
                return Optional.of(refusal(
                        "tasks_per_minute", scope, null, limits.tasksPerMinute(), used, e.tasks(), nextMinute, now));
            }
        }
        if (limits.spendPerDayMicros() != null) {
            long used = totals(h, tokenId, connection, day.toEpochMilli()).costMicros();
            if (used + e.costMicros() > limits.spendPerDayMicros()) {
                return Optional.of(refusal(
                        "spend_per_day_usd",
                        scope,
                        null,
                        PriceTable.usd(limits.spendPerDayMicros()),
                        PriceTable.usd(used),
                        PriceTable.usd(e.costMicros()),
                        nextDay,
                        now));
            }
        }
        Integer cap = limits.projectCap(e.project());
        if (cap != null && e.project() != null) {
            long used = tokenId != null
                    ? SpendStore.byTokenProject(h, tokenId, e.project(), day.toEpochMilli())
                            .tasks()
                    : SpendStore.byProject(h, connection, e.project(), day.toEpochMilli())
                            .tasks();
            if (used + e.tasks() > cap) {
                return Optional.of(
                        refusal("project_tasks_per_day", scope, e.project(), cap, used, e.tasks(), nextDay, now));
            }
        }
        return Optional.empty();
    }

    private static SpendStore.Totals totals(Handle h, String tokenId, String connection, long since) {
        return tokenId != null ? SpendStore.byToken(h, tokenId, since) : SpendStore.byConnection(h, connection, since);
    }

    private static BudgetRefusal refusal(
            String limit,
            String scope,
            String project,
            double limitValue,
            double used,
            double requested,
            Instant resetsAt,
            Instant now) {
        long retryAfter = Math.max(1, (resetsAt.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
        return new BudgetRefusal(
                limit,
                scope,
                project,
                limitValue,
                used,
                requested,
                Math.max(0, limitValue - used),
                resetsAt,
                retryAfter);
    }
}
