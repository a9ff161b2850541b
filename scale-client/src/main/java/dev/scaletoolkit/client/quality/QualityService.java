package dev.scaletoolkit.client.quality;

import dev.scaletoolkit.client.RequestOptions;
import dev.scaletoolkit.client.http.ApiCaller;
import dev.scaletoolkit.client.page.AutoPager;
import dev.scaletoolkit.client.page.Page;
import dev.scaletoolkit.model.quality.AuditList;
import dev.scaletoolkit.model.quality.LabelerAttempt;
import dev.scaletoolkit.model.quality.LabelerAttemptList;

/** Quality: fixless audits and labelers' attempts at quality tasks. */
public final class QualityService {
    private final ApiCaller api;
    private final RequestOptions defaults;

    public QualityService(ApiCaller api, RequestOptions defaults) {
        this.api = api;
        this.defaults = defaults;
    }

    public QualityService withOptions(RequestOptions options) {
        return new QualityService(api, options);
    }

    /** Fixless audits of a task, or one audit by id; give at least one of the two. */
    public AuditList listFixlessAudits(String taskId, String auditId) {
        // GET /v1/audits
        if (taskId == null && auditId == null) {
            throw new IllegalArgumentException("fixless audits: give 'task_id' or 'id' (at least one)");
        }
        return api.call("GET", "/audits")
                .query("task_id", taskId)
                .query("id", auditId)
                .options(defaults)
                .execute(AuditList.class);
    }

    public LabelerAttemptList listLabelers(LabelerListParams params) {
        // GET /v1/quality/labelers
        ApiCaller.Call call = api.call("GET", "/quality/labelers").options(defaults);
        params.applyTo(call);
        return call.execute(LabelerAttemptList.class);
    }

    /** Every attempt, following {@code next_token}. */
    public AutoPager<LabelerAttempt> listLabelersAutoPaging(LabelerListParams params) {
        return new AutoPager<>(token -> {
            LabelerAttemptList list = listLabelers(token == null ? params : params.withNextToken(token));
            boolean more = !Boolean.FALSE.equals(list.hasMore()) && list.nextToken() != null;
            return new Page<>(list.docsOrEmpty(), more ? list.nextToken() : null, null);
        });
    }
}
