package dev.scaletoolkit.tools.discovery;

import dev.scaletoolkit.model.jackson.ScaleJson;
import dev.scaletoolkit.tools.ToolSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Ranks tools for a request in plain words, in process and without a network: BM25 over each tool's name, title,
 * description, parameter names and a few example requests ({@code scale/discovery/search.json}), with field
 * weights, light stemming, synonyms and correction of misspelt words against the index's own vocabulary. How well it
 * ranks is measured by {@code ToolSearchEvaluationTest} over requests kept apart from the examples.
 */
public final class ToolSearch {
    static final String RESOURCE = "scale/discovery/search.json";
    private static final String PREFIX = "SCALE_AI_";
    private static final double K1 = 1.2;
    private static final double B = 0.5;
    private static final double SYNONYM_WEIGHT = 0.5;
    private static final double CORRECTED_WEIGHT = 0.8;
    /** A plural object ("projects", "batches") hints at a listing. */
    private static final double PLURAL_LIST_WEIGHT = 0.4;
    /** Later words weigh a little less: the object named first is usually the one meant. */
    private static final double POSITION_DECAY = 0.04;

    private static final double MIN_POSITION_WEIGHT = 0.7;

    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "to", "of", "for", "in", "on", "my", "me", "i", "we", "our", "and", "or", "with", "this",
            "that", "these", "those", "please", "can", "could", "you", "is", "are", "be", "it", "its", "from", "by",
            "at", "as", "what", "which", "do", "does", "want", "need", "some", "any", "into", "so", "will", "would",
            "should", "there", "their", "them", "one", "scale", "ai", "tool", "way", "let", "how", "just", "up", "out",
            "about", "via", "using", "use", "s", "t", "have", "has", "like", "also", "then", "than", "who");

    /** One ranked tool: its name, a one-line description, and the score (higher is better). */
    public record Hit(String name, String description, double score) {}

    private record Doc(ToolSpec spec, Map<String, Double> tf, double length) {}

    private final List<Doc> docs;
    private final Map<String, Integer> df = new HashMap<>();
    private final Map<String, List<String>> synonyms;
    private final Map<String, String> phrases = new LinkedHashMap<>();
    private final double averageLength;

    private ToolSearch(List<ToolSpec> tools, JsonNode data) {
        this.synonyms = new HashMap<>();
        data.path("synonyms").properties().forEach(e -> {
            List<String> targets = new ArrayList<>();
            e.getValue().forEach(v -> targets.addAll(terms(v.asString())));
            synonyms.put(stem(e.getKey().toLowerCase(Locale.ROOT)), targets);
        });
        data.path("phrases")
                .properties()
                .forEach(e -> phrases.put(e.getKey(), e.getValue().asString()));
        List<Doc> built = new ArrayList<>();
        Map<String, Integer> paramOnly = new HashMap<>();
        for (ToolSpec spec : tools) {
            Map<String, Double> tf = new HashMap<>();
            String shortName = spec.slug().startsWith(PREFIX) ? spec.slug().substring(PREFIX.length()) : spec.slug();
            add(tf, shortName, 3.0);
            add(tf, spec.title(), 2.0);
            add(tf, spec.description(), 1.0);
            data.path("examples").path(shortName).forEach(e -> add(tf, e.asString(), 1.5));
            // what a tool is for decides how rare a word is; parameter names (tags, project, batch on every create
            // tool) would make the words that tell tools apart look common
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            Map<String, Double> params = new HashMap<>();
            spec.inputSchema().path("properties").propertyNames().forEach(p -> add(params, p, 0.5));
            params.forEach((t, w) -> {
                if (tf.merge(t, w, Double::sum) == w) {
                    paramOnly.merge(t, 1, Integer::sum);
                }
            });
            double length =
                    tf.values().stream().mapToDouble(Double::doubleValue).sum();
            built.add(new Doc(spec, Map.copyOf(tf), length));
        }
        paramOnly.forEach((t, n) -> df.putIfAbsent(t, n));
        this.docs = List.copyOf(built);
        this.averageLength = docs.stream().mapToDouble(Doc::length).average().orElse(1.0);
    }

    /** An index over {@code tools}, with the shipped examples and synonyms. */
    public static ToolSearch of(List<ToolSpec> tools) {
        try (InputStream in = ToolSearch.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new ToolSearch(tools, ScaleJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best {@code limit} tools for {@code query} among those {@code visible} allows, best first; a query that is
     * exactly a tool's name (with or without {@code SCALE_AI_}) puts that tool first. Tools that share no word with
     * the query are left out.
     */
    public List<Hit> search(String query, int limit, Predicate<ToolSpec> visible) {
        Map<String, Double> weights = queryTerms(query == null ? "" : query);
        String exact = query == null ? "" : query.trim().toUpperCase(Locale.ROOT);
        List<Hit> hits = new ArrayList<>();
        for (Doc doc : docs) {
            if (!visible.test(doc.spec())) {
                continue;
            }
            double score = 0;
            for (Map.Entry<String, Double> q : weights.entrySet()) {
                Double tf = doc.tf().get(q.getKey());
                if (tf == null) {
                    continue;
                }
                double idf = Math.log(1 + (docs.size() - df.get(q.getKey()) + 0.5) / (df.get(q.getKey()) + 0.5));
                score += q.getValue() * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.length() / averageLength));
            }
            String slug = doc.spec().slug();
            if (!exact.isEmpty() && (slug.equals(exact) || slug.equals(PREFIX + exact))) {
                score += 1000;
            }
            if (score > 0) {
                hits.add(new Hit(slug, firstSentence(doc.spec().description()), Math.round(score * 100) / 100.0));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::name));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /** The query's terms with their weights: the words themselves, corrected spellings, then synonyms. */
    private Map<String, Double> queryTerms(String query) {
        String text = " " + query.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        for (Map.Entry<String, String> phrase : phrases.entrySet()) {
            text = text.replace(" " + phrase.getKey() + " ", " " + phrase.getValue() + " ");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int position = 0;
        for (String word : text.trim().split(" ")) {
            if (word.isEmpty() || STOPWORDS.contains(word)) {
                continue;
            }
            double weight = Math.max(MIN_POSITION_WEIGHT, 1.0 - POSITION_DECAY * position++);
            String term = stem(word);
            String known = df.containsKey(term) || synonyms.containsKey(term) ? term : correct(term);
            if (known != null && df.containsKey(known)) {
                out.merge(known, weight * (known.equals(term) ? 1.0 : CORRECTED_WEIGHT), Math::max);
            }
            for (String base : known == null || known.equals(term) ? List.of(term) : List.of(term, known)) {
                for (String synonym : synonyms.getOrDefault(base, List.of())) {
                    out.merge(synonym, weight * SYNONYM_WEIGHT, Math::max);
                }
            }
            if (word.endsWith("s") && !term.equals(word) && !word.endsWith("ss")) {
                out.merge("list", PLURAL_LIST_WEIGHT, Math::max);
            }
        }
        return out;
    }

    /** The indexed word closest to a misspelt one (one edit for short words, two for long), or null. */
    private String correct(String term) {
        if (term.length() < 4) {
            return null;
        }
        int allowed = term.length() >= 7 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        List<String> vocabulary = new ArrayList<>(df.keySet());
        vocabulary.addAll(synonyms.keySet());
        for (String known : vocabulary) {
            if (Math.abs(known.length() - term.length()) > allowed) {
                continue;
            }
            int d = distance(term, known);
            if (d <= allowed
                    && (d < bestDistance
                            || (d == bestDistance && df.getOrDefault(known, 0) > df.getOrDefault(best, 0)))) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static void add(Map<String, Double> tf, String text, double weight) {
        for (String t : terms(text)) {
            tf.merge(t, weight, Double::sum);
        }
    }

    /** Lower-case words (split on anything but letters and digits, so snake_case splits too), stemmed. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !STOPWORDS.contains(word)) {
                out.add(stem(word));
            }
        }
        return out;
    }

    /** A light English stemmer: enough that task/tasks, label/labeled/labeling and batch/batches meet. */
    static String stem(String w) {
        String s = w;
        if (s.length() > 4 && s.endsWith("ies")) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("sses")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 4 && (s.endsWith("ches") || s.endsWith("shes") || s.endsWith("xes"))) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean suffixed = true;
        if (s.length() > 5 && s.endsWith("ing")) {
            s = s.substring(0, s.length() - 3);
        } else if (s.length() > 4 && s.endsWith("ed")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.length() > 6 && s.endsWith("er")) {
            s = s.substring(0, s.length() - 2);
        } else {
            suffixed = false;
        }
        int n = s.length();
        if (suffixed && n > 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
            s = s.substring(0, n - 1); // scanned, tagged, stopped
        }
        if (s.length() > 3 && s.endsWith("e")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String firstSentence(String description) {
        int end = description.indexOf(". ");
        return end < 0 ? description : description.substring(0, end + 1);
    }
}
