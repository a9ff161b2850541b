package dev.scaletoolkit.client.quality;

import dev.scaletoolkit.client.RawResponseView;
import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.internal.ApiCaller;
import dev.scaletoolkit.client.internal.ServiceContext;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.model.quality.AuditList;
import dev.scaletoolkit.model.quality.LabelerAttempt;
import dev.scaletoolkit.model.quality.LabelerAttemptList;

/** Quality: fixless audits and labelers' attempts at quality tasks. */
public final class QualityService {
    private final ServiceContext ctx;

    /**
     * Internal: get the service from {@link dev.scaletoolkit.client.ScaleClient#quality()}.
     *
     * @param ctx the caller and the options every call starts from
     */
    public QualityService(ServiceContext ctx) {
        this.ctx = ctx;
    }

    /**
     * A copy whose calls use these options on top of the current ones (unset settings keep their value).
     *
     * @param options the settings to change
     * @return the changed copy
     */
    public QualityService withOptions(RequestOptions options) {
        return new QualityService(ctx.with(options));
    }

    /**
     * A copy with options changed from the current ones, e.g. {@code withOptions(o -> o.maxRetries(0))}.
     *
     * @param change edits a builder that starts from the current options
     * @return the changed copy
     */
    public QualityService withOptions(java.util.function.Consumer<RequestOptions.Builder> change) {
        RequestOptions.Builder b = ctx.defaults().toBuilder();
        change.accept(b);
        return new QualityService(new ServiceContext(ctx.api(), b.build(), ctx.observer()));
    }

    /**
     * This service seen through raw responses (status, headers, request id).
     *
     * @return a view whose {@code call} returns a {@link dev.scaletoolkit.client.RawResponse}
     */
    public RawResponseView<QualityService> withRawResponse() {
        return new RawResponseView<>(observer -> new QualityService(ctx.observing(observer)));
    }

    /**
     * Fixless audits of a task, or one audit by id; give at least one of the two.
     *
     * @param taskId the audited task, or null
     * @param auditId one audit's id, or null
     * @return the audits found
     */
    public AuditList listFixlessAudits(String taskId, String auditId) {
        return listFixlessAudits(taskId, auditId, RequestOptions.none());
    }

    /**
     * Fixless audits, with per-call options.
     *
     * @param taskId the audited task, or null
     * @param auditId one audit's id, or null
     * @param options merged on top of this service's options
     * @return the audits found
     * @see #listFixlessAudits(String, String)
     */
    public AuditList listFixlessAudits(String taskId, String auditId, RequestOptions options) {
        // GET /v1/audits
        if (taskId == null && auditId == null) {
            throw new IllegalArgumentException("fixless audits: give 'task_id' or 'id' (at least one)");
        }
        return ctx.call("GET", "/audits", options)
                .query("task_id", taskId)
                .query("id", auditId)
                .execute(AuditList.class);
    }

    /**
     * One page of labelers' attempts at quality tasks.
     *
     * @param params the filters and the page token
     * @return the page, with {@code next_token} when more follow
     */
    public LabelerAttemptList listLabelers(LabelerListParams params) {
        return listLabelers(params, RequestOptions.none());
    }

    /**
     * One page of labelers' attempts, with per-call options.
     *
     * @param params the filters and the page token
     * @param options merged on top of this service's options
     * @return the page
     * @see #listLabelers(LabelerListParams)
     */
    public LabelerAttemptList listLabelers(LabelerListParams params, RequestOptions options) {
        // GET /v1/quality/labelers
        ApiCaller.Call call = ctx.call("GET", "/quality/labelers", options);
        params.query().forEach(e -> call.query(e.getKey(), e.getValue()));
        return call.execute(LabelerAttemptList.class);
    }

    /**
     * Every attempt, following {@code next_token}; pages are fetched as the iteration reaches them.
     *
     * @param params the filters; its page token is the starting point
     * @return a lazy sequence of attempts
     */
    public AutoPager<LabelerAttempt> listLabelersAutoPaging(LabelerListParams params) {
        return listLabelersAutoPaging(params, RequestOptions.none());
    }

    /**
     * Every attempt, with per-call options applied to each page request.
     *
     * @param params the filters
     * @param options merged on top of this service's options
     * @return a lazy sequence of attempts
     * @see #listLabelersAutoPaging(LabelerListParams)
     */
    public AutoPager<LabelerAttempt> listLabelersAutoPaging(LabelerListParams params, RequestOptions options) {
        return new AutoPager<>(token -> {
            LabelerAttemptList list = listLabelers(token == null ? params : params.withNextToken(token), options);
            boolean more = !Boolean.FALSE.equals(list.hasMore()) && list.nextToken() != null;
            return new Page<>(list.docsOrEmpty(), more ? list.nextToken() : null, null);
        });
    }
}
