package dev.scaletoolkit.emulator.studio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How much the answers of several people to one task agree, from 0 (not at all) to 1 (the same answer). Pure: no
 * database, no clock; the formulas are written down in {@code docs/ui.md} under "Consensus".
 *
 * <ul>
 *   <li><b>Shapes</b> (image annotation): for each pair of answers, the shapes are matched one to one so that the
 *       total overlap is as large as possible (the Hungarian method, not greedy: greedy takes the best single
 *       pair first and can leave a worse total when boxes crowd together); a pair of boxes counts its IoU
 *       (intersection over union), other shapes count 1 when type, label and geometry are equal; shapes of
 *       different labels never match. The pair's score is the sum over matched pairs divided by the larger
 *       number of shapes, so an unmatched shape counts 0. Two empty answers agree fully.
 *   <li><b>Spans</b> (named entities): for each pair, span-level F1: a span counts when start, end and label are
 *       equal; {@code 2·|A∩B| / (|A|+|B|)}; two empty answers agree fully.
 *   <li><b>Categories</b>: the share of answers identical to the most common one (A, A, B: 2/3).
 *   <li><b>Every other type</b>: the same share, comparing whole responses (exact match).
 * </ul>
 *
 * Pairwise scores (shapes, spans) are averaged over every pair of answers (three answers: three pairs).
 */
public final class Agreement {
    /** How a task type's answers are compared. */
    public enum Kind {
        /** Image shapes: mean IoU with one-to-one matching. */
        SHAPES,
        /** Named-entity spans: span-level F1. */
        SPANS,
        /** A category (or choice): share of identical answers. */
        CATEGORIES,
        /** The whole response: share of identical answers. */
        EXACT
    }

    /** Boxes that overlap at least this much are "the same box" when answers are merged. */
    public static final double MERGE_IOU = 0.5;

    private Agreement() {}

    /** How answers to a task of {@code type} are compared. */
    public static Kind kindOf(String type) {
        return switch (type) {
            case "imageannotation", "annotation", "polygonannotation", "lineannotation", "pointannotation" ->
                Kind.SHAPES;
            case "namedentityrecognition" -> Kind.SPANS;
            case "categorization", "comparison" -> Kind.CATEGORIES;
            default -> Kind.EXACT;
        };
    }

    /** The agreement of all answers: 1 when there are fewer than two. */
    public static double score(Kind kind, List<JsonNode> answers) {
        if (answers.size() < 2) {
            return 1.0;
        }
        if (kind == Kind.CATEGORIES || kind == Kind.EXACT) {
            int best = 0;
            for (JsonNode a : answers) {
                best = Math.max(best, sameAs(kind, a, answers));
            }
            return (double) best / answers.size();
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < answers.size(); i++) {
            for (int j = i + 1; j < answers.size(); j++) {
                sum += pair(kind, answers.get(i), answers.get(j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    /** How much two answers agree. */
    public static double pair(Kind kind, JsonNode a, JsonNode b) {
        return switch (kind) {
            case SHAPES -> shapes(list(a.path("annotations")), list(b.path("annotations")));
            case SPANS -> spanF1(list(a.path("annotations")), list(b.path("annotations")));
            case CATEGORIES -> Objects.equals(category(a), category(b)) ? 1 : 0;
            case EXACT -> a.equals(b) ? 1 : 0;
        };
    }

    /**
     * The answer that agrees best with the others: for shapes and spans the one with the highest mean pairwise
     * score, otherwise the first of the most common answers. Ties go to the earlier answer.
     *
     * @return its index in {@code answers}
     */
    public static int mostAgreeing(Kind kind, List<JsonNode> answers) {
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < answers.size(); i++) {
            double s;
            if (kind == Kind.CATEGORIES || kind == Kind.EXACT) {
                s = sameAs(kind, answers.get(i), answers);
            } else {
                s = 0;
                for (int j = 0; j < answers.size(); j++) {
                    if (j != i) {
                        s += pair(kind, answers.get(i), answers.get(j));
                    }
                }
            }
            if (s > bestScore + 1e-12) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }

    /** Sum of matched overlaps over the larger count: unmatched shapes count 0; both empty agree fully. */
    static double shapes(List<JsonNode> a, List<JsonNode> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int[] match = match(a, b);
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            if (match[i] >= 0) {
                sum += overlap(a.get(i), b.get(match[i]));
            }
        }
        return sum / Math.max(a.size(), b.size());
    }

    /** Span-level F1 (exact start, end and label); both empty agree fully. */
    static double spanF1(List<JsonNode> a, List<JsonNode> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Set<String> left = new HashSet<>();
        a.forEach(s -> left.add(spanKey(s)));
        Set<String> right = new HashSet<>();
        b.forEach(s -> right.add(spanKey(s)));
        int both = 0;
        for (String s : left) {
            if (right.contains(s)) {
                both++;
            }
        }
        return 2.0 * both / (left.size() + right.size());
    }

    /** Intersection over union of two boxes ({@code left, top, width, height}); 0 when either has no area. */
    public static double iou(JsonNode a, JsonNode b) {
        double ax = a.path("left").asDouble(), ay = a.path("top").asDouble();
        double aw = a.path("width").asDouble(), ah = a.path("height").asDouble();
        double bx = b.path("left").asDouble(), by = b.path("top").asDouble();
        double bw = b.path("width").asDouble(), bh = b.path("height").asDouble();
        if (aw <= 0 || ah <= 0 || bw <= 0 || bh <= 0) {
            return 0;
        }
        double iw = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
        double ih = Math.min(ay + ah, by + bh) - Math.max(ay, by);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (aw * ah + bw * bh - inter);
    }

    /**
     * Merges box answers: the boxes of the most agreeing answer that a majority of all answers also drew (a box of
     * the same label with IoU of at least {@link #MERGE_IOU}, matched one to one), each placed at the mean of the
     * matched boxes. Shapes that are not boxes are kept from that answer only when a majority drew them
     * identically.
     */
    public static ObjectNode mergeShapes(List<JsonNode> answers) {
        int ref = mostAgreeing(Kind.SHAPES, answers);
        List<JsonNode> base = list(answers.get(ref).path("annotations"));
        List<List<JsonNode>> matched = new ArrayList<>();
        base.forEach(s -> matched.add(new ArrayList<>(List.of(s))));
        for (int k = 0; k < answers.size(); k++) {
            if (k == ref) {
                continue;
            }
            List<JsonNode> other = list(answers.get(k).path("annotations"));
            int[] match = match(base, other);
            for (int i = 0; i < base.size(); i++) {
                if (match[i] >= 0) {
                    JsonNode o = other.get(match[i]);
                    double ov = overlap(base.get(i), o);
                    if (isBox(base.get(i)) ? ov >= MERGE_IOU : ov >= 1.0) {
                        matched.get(i).add(o);
                    }
                }
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var annotations = out.putArray("annotations");
        for (int i = 0; i < base.size(); i++) {
            List<JsonNode> group = matched.get(i);
            if (group.size() * 2 <= answers.size()) {
                continue;
            }
            ObjectNode shape = (ObjectNode) base.get(i).deepCopy();
            if (isBox(shape)) {
                for (String f : List.of("left", "top", "width", "height")) {
                    double mean = group.stream()
                            .mapToDouble(s -> s.path(f).asDouble())
                            .average()
                            .orElse(0);
                    shape.put(f, Math.round(mean * 10) / 10.0);
                }
            }
            annotations.add(shape);
        }
        return out;
    }

    /** One-to-one matching of {@code a} to {@code b} with the largest total overlap: {@code b}'s index or -1. */
    static int[] match(List<JsonNode> a, List<JsonNode> b) {
        int n = Math.max(a.size(), b.size());
        int[] out = new int[a.size()];
        java.util.Arrays.fill(out, -1);
        if (a.isEmpty() || b.isEmpty()) {
            return out;
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                cost[i][j] = -overlap(a.get(i), b.get(j));
            }
        }
        int[] rowToCol = hungarian(cost);
        for (int i = 0; i < a.size(); i++) {
            int j = rowToCol[i];
            if (j < b.size() && overlap(a.get(i), b.get(j)) > 0) {
                out[i] = j;
            }
        }
        return out;
    }

    /**
     * The Hungarian method (Kuhn–Munkres with potentials, O(n³)) on a square cost matrix: the assignment of rows to
     * columns with the least total cost.
     */
    static int[] hungarian(double[][] cost) {
        int n = cost.length;
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            boolean[] used = new boolean[n + 1];
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            do {
                used[j0] = true;
                int i0 = p[j0];
                int j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= n; j++) {
            rowToCol[p[j] - 1] = j - 1;
        }
        return rowToCol;
    }

    /** How much two shapes overlap: IoU for boxes, 1 or 0 (equal or not) for other shapes; 0 across labels. */
    static double overlap(JsonNode a, JsonNode b) {
        if (!a.path("label").asString("").equals(b.path("label").asString(""))) {
            return 0;
        }
        if (isBox(a) && isBox(b)) {
            return iou(a, b);
        }
        if (isBox(a) || isBox(b)) {
            return 0;
        }
        return geometry(a).equals(geometry(b)) ? 1 : 0;
    }

    private static boolean isBox(JsonNode shape) {
        String type = shape.path("type").asString("box");
        return type.equals("box") && shape.has("width") && shape.has("height");
    }

    /** A shape without its identity and attributes: what two labelers could draw alike. */
    private static JsonNode geometry(JsonNode shape) {
        ObjectNode g = shape.isObject() ? ((ObjectNode) shape).deepCopy() : JsonNodeFactory.instance.objectNode();
        g.remove("uuid");
        g.remove("attributes");
        return g;
    }

    private static int sameAs(Kind kind, JsonNode a, List<JsonNode> answers) {
        int same = 0;
        for (JsonNode b : answers) {
            if (pair(kind, a, b) == 1) {
                same++;
            }
        }
        return same;
    }

    private static JsonNode category(JsonNode response) {
        if (response.has("category")) {
            return response.get("category");
        }
        if (response.has("choice")) {
            return response.get("choice");
        }
        return response;
    }

    private static String spanKey(JsonNode span) {
        return span.path("start").asInt() + ":" + span.path("end").asInt() + ":"
                + span.path("label").asString("");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }
}
