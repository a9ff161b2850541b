package dev.scaletoolkit.emulator.studio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Per-labeler statistics over a window, from the answers people submitted ({@link WorkLog.Work}) and the reviews
 * those answers got. Pure arithmetic, so the figures are tested on hand-made cases.
 *
 * <ul>
 *   <li><b>Throughput</b>: answers submitted in the window, divided by the window's length in hours.
 *   <li><b>Acceptance rate</b>: of the person's answers that a manager reviewed, the share accepted. A review counts
 *       for the latest answer to that task submitted before it (so a rejected answer and its accepted rework count
 *       one each); when one answer was reviewed twice, the later review stands. One of several answers to a
 *       consensus task is not judged by the task's review (the manager chose or merged the final answer).
 *   <li><b>Time per task</b>: the median time from starting on a task to submitting it.
 * </ul>
 */
public final class LabelerStats {
    private LabelerStats() {}

    /** A manager's verdict on a task at a moment. */
    public record Review(String taskId, Instant at, boolean accepted) {}

    /**
     * One person's figures.
     *
     * @param tasks answers submitted in the window (first answers and reworks)
     * @param perHour {@code tasks} divided by the window's hours
     * @param accepted answers accepted in review
     * @param rejected answers rejected in review
     * @param medianTime the median time per task
     */
    public record Row(String email, int tasks, double perHour, int accepted, int rejected, Duration medianTime) {
        /** Accepted out of reviewed, 0 to 1; empty when nothing was reviewed. */
        public Optional<Double> acceptance() {
            int reviewed = accepted + rejected;
            return reviewed == 0 ? Optional.empty() : Optional.of((double) accepted / reviewed);
        }
    }

    /** The figures of everyone who submitted in the window, by email. */
    public static List<Row> compute(List<WorkLog.Work> work, List<Review> reviews, Duration window) {
        // Which answer each review judged: the latest answer to its task submitted at or before it.
        Map<String, List<WorkLog.Work>> byTask = new HashMap<>();
        for (WorkLog.Work w : work) {
            if (!w.kind().equals(WorkLog.CONSENSUS)) {
                byTask.computeIfAbsent(w.taskId(), k -> new ArrayList<>()).add(w);
            }
        }
        Map<WorkLog.Work, Boolean> verdicts = new HashMap<>();
        List<Review> inOrder = new ArrayList<>(reviews);
        inOrder.sort(Comparator.comparing(Review::at));
        for (Review r : inOrder) {
            WorkLog.Work judged = null;
            for (WorkLog.Work w : byTask.getOrDefault(r.taskId(), List.of())) {
                if (!w.finishedAt().isAfter(r.at())
                        && (judged == null || w.finishedAt().isAfter(judged.finishedAt()))) {
                    judged = w;
                }
            }
            if (judged != null) {
                verdicts.put(judged, r.accepted());
            }
        }
        Map<String, List<WorkLog.Work>> byPerson = new TreeMap<>();
        for (WorkLog.Work w : work) {
            byPerson.computeIfAbsent(w.email(), k -> new ArrayList<>()).add(w);
        }
        double hours = Math.max(1, window.toSeconds()) / 3600.0;
        List<Row> rows = new ArrayList<>();
        byPerson.forEach((email, mine) -> {
            int accepted = 0;
            int rejected = 0;
            for (WorkLog.Work w : mine) {
                Boolean v = verdicts.get(w);
                if (v != null) {
                    if (v) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                }
            }
            rows.add(new Row(email, mine.size(), mine.size() / hours, accepted, rejected, median(mine)));
        });
        return rows;
    }

    static Duration median(List<WorkLog.Work> work) {
        List<Duration> times =
                new ArrayList<>(work.stream().map(WorkLog.Work::time).toList());
        if (times.isEmpty()) {
            return Duration.ZERO;
        }
        times.sort(Comparator.naturalOrder());
        int n = times.size();
        return n % 2 == 1
                ? times.get(n / 2)
                : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2);
    }
}
