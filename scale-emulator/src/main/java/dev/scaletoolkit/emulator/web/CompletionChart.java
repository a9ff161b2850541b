package dev.scaletoolkit.emulator.web;

import dev.scaletoolkit.model.ScaleTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tasks completed over time, one line per project, drawn as inline SVG (no script, no library). The bucket size
 * follows the time the completions span, from minutes to days, so both a fresh demo and a week of work read well.
 */
final class CompletionChart {
    static final int BUCKETS = 24;
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 28;
    private static final List<String> COLORS =
            List.of("#4f46e5", "#0f9d58", "#e8710a", "#d93025", "#9334e6", "#12b5cb", "#f439a0", "#80868b");
    private static final List<Duration> STEPS = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofDays(1),
            Duration.ofDays(7));

    private CompletionChart() {}

    /** One completion: when, and in which project. */
    record Point(Instant at, String project) {}

    static String svg(List<Point> points, Instant now) {
        if (points.isEmpty()) {
            return "<p class=\"muted\">No task has been completed yet.</p>";
        }
        Instant first = points.stream().map(Point::at).min(Instant::compareTo).orElse(now);
        Duration span = Duration.between(first, now);
        Duration step = STEPS.get(STEPS.size() - 1);
        for (Duration s : STEPS) {
            if (s.multipliedBy(BUCKETS).compareTo(span) > 0) {
                step = s;
                break;
            }
        }
        long stepMs = step.toMillis();
        long end = (now.toEpochMilli() / stepMs + 1) * stepMs;
        long start = end - stepMs * BUCKETS;
        Map<String, int[]> series = new TreeMap<>();
        for (Point p : points) {
            long t = p.at().toEpochMilli();
            if (t < start || t >= end) {
                continue;
            }
            series.computeIfAbsent(p.project(), k -> new int[BUCKETS])[(int) ((t - start) / stepMs)]++;
        }
        int max = 1;
        for (int[] counts : series.values()) {
            for (int c : counts) {
                max = Math.max(max, c);
            }
        }
        // Whole-number ticks: the top of the scale is four equal steps above the busiest bucket.
        int tick = (max + 3) / 4;
        max = tick * 4;
        StringBuilder out = new StringBuilder();
        out.append("<figure class=\"chart\"><svg viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append(
                        "\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">Tasks completed per ")
                .append(label(step))
                .append(", by project</title>");
        int plotW = WIDTH - LEFT - 10;
        int plotH = HEIGHT - BOTTOM - 10;
        for (int i = 0; i <= 4; i++) {
            double y = 10 + plotH - plotH * i / 4.0;
            out.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - 10)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" class=\"gridline\"/>")
                    .append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\" class=\"axis\">")
                    .append(tick * i)
                    .append("</text>");
        }
        for (int b = 0; b < BUCKETS; b += 6) {
            double x = LEFT + plotW * (b + 0.5) / BUCKETS;
            String when = ScaleTime.format(Instant.ofEpochMilli(start + b * stepMs));
            String shown = step.compareTo(Duration.ofDays(1)) >= 0 ? when.substring(5, 10) : when.substring(11, 16);
            out.append("<text x=\"")
                    .append(fmt(x))
                    .append("\" y=\"")
                    .append(HEIGHT - 8)
                    .append("\" text-anchor=\"middle\" class=\"axis\">")
                    .append(shown)
                    .append("</text>");
        }
        int color = 0;
        StringBuilder legend = new StringBuilder("<figcaption><ul class=\"legend\">");
        for (Map.Entry<String, int[]> e : series.entrySet()) {
            String c = COLORS.get(color++ % COLORS.size());
            StringBuilder path = new StringBuilder();
            int total = 0;
            for (int b = 0; b < BUCKETS; b++) {
                double x = LEFT + plotW * (b + 0.5) / BUCKETS;
                double y = 10 + plotH - plotH * e.getValue()[b] / (double) max;
                path.append(b == 0 ? "M" : "L").append(fmt(x)).append(' ').append(fmt(y));
                total += e.getValue()[b];
            }
            out.append("<path d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(c)
                    .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
            legend.append("<li><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\"")
                    .append(" rx=\"3\" fill=\"")
                    .append(c)
                    .append("\"/></svg>")
                    .append(Html.esc(e.getKey()))
                    .append(" <b>")
                    .append(total)
                    .append("</b></li>");
        }
        out.append("</svg>").append(legend).append("</ul></figcaption></figure>");
        return out.toString();
    }

    private static String label(Duration step) {
        if (step.toDays() >= 1) {
            return step.toDays() == 1 ? "day" : step.toDays() + " days";
        }
        if (step.toHours() >= 1) {
            return step.toHours() == 1 ? "hour" : step.toHours() + " hours";
        }
        return step.toMinutes() == 1 ? "minute" : step.toMinutes() + " minutes";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
