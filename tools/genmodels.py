# Generates the wire records of scale-model from a compact spec. Run from the repository root.
import os, re
BASE = 'scale-model/src/main/java/dev/scaletoolkit/model'
I = 'Instant'
M = [
 ('task','Task','A task as Scale returns it. {@code tags} and {@code unique_id} are null when the task has none (Scale omits the keys).',
  ['task_id!:String','created_at:Instant','updated_at:Instant','completed_at:Instant','type:TaskType','status:TaskStatus',
   'instruction:String','params:JsonNode','callback_url:String','metadata:Map<String, Object>','tags:List<String>','unique_id:String',
   'is_test:Boolean','project:String','batch:String','callback_succeeded:Boolean','response:JsonNode','audits:List<Audit>',
   'priority:Integer','project_param_version:Integer','processed_attachments:List<JsonNode>']),
 ('task','Audit','One audit entry of a task (a customer or Scale accepted, rejected or fixed the work).',
  ['audited_by:String','audited_at:Instant','audit_time_secs:Number','audit_result:AuditResult','audit_source:String','comments:String']),
 ('task','TaskList','One page of {@code GET /tasks}: the tasks, the total count and the token of the next page.',
  ['docs:List<Task>','total:Long','limit:Integer','offset:Integer','has_more:Boolean','next_token:String']),
 ('task','TaskCallback','The body Scale POSTs to a callback URL when a task completes, errors or is audited.',
  ['task_id:String','status:TaskStatus','response:JsonNode','task:Task']),
 ('batch','Batch','A batch: a named group of tasks in one project.',
  ['name!:String','project:String','status:BatchStatus','callback:String','created_at:Instant','updated_at:Instant','completed_at:Instant',
   'metadata:Map<String, Object>','id:String','calibration_batch:Boolean','self_label_batch:Boolean']),
 ('batch','BatchList','One page of {@code GET /batches} (offset paging).',
  ['docs:List<Batch>','totalDocs:Long','limit:Integer','offset:Integer','has_more:Boolean']),
 ('batch','BatchProgress','The answer of {@code GET /batches/{name}/status}: the batch status and task counts per status (absent = 0).',
  ['status:BatchStatus','pending:Integer','completed:Integer','error:Integer','canceled:Integer']),
 ('project','Project','A project: one use case bound to one task type, with its versioned default task parameters.',
  ['name!:String','type:TaskType','param_history:List<ParamVersion>','created_at:Instant','archived:Boolean','rapid:Boolean','studio:Boolean',
   'pipeline:String','consensus_attempts:Integer','ontologies:List<OntologyVersion>']),
 ('project','ParamVersion','One entry of a project\'s {@code param_history}; the default task params it set are in {@link #extra()}.',
  ['version:Integer','created_at:Instant','instruction:String']),
 ('project','OntologyVersion','One ontology a project was set with; {@code ontology} holds strings or choice objects.',
  ['name:String','version:Integer','ontology:List<JsonNode>','created_at:Instant']),
 ('project','TaskTemplate','A project\'s task template (text collection and chat projects).',
  ['id:String','version:Integer','created_at:Instant','updated_at:Instant','template_variables:JsonNode','response_schema:JsonNode','auto_onboard_enabled:Boolean']),
 ('file','ScaleFile','A file uploaded to or imported by Scale; use {@code attachment_url} as a task attachment. (Named so as not to clash with {@code java.io.File}.)',
  ['id!:String','attachment_url:String','created_at:Instant','updated_at:Instant','mime_type:String','project_names:List<String>','size:Long',
   'display_name:String','reference_id:String','metadata:Map<String, Object>']),
 ('file','FileList','One page of {@code GET /files} (cursor paging).',
  ['docs:List<ScaleFile>','next_cursor:String','has_more:Boolean']),
 ('studio','StudioBatch','A pending Studio batch, in priority order.',
  ['id:String','name!:String','projectId:String','projectName:String','batchType:StudioBatchType','studioPriority:Integer','total:Integer',
   'completed:Integer','groups:List<String>']),
 ('studio','ProjectGroup','A group of labelers within a Studio project.',
  ['id:String','name:String','numWorkers:Integer','isSingleton:Boolean','workers:List<GroupWorker>']),
 ('studio','GroupWorker','A labeler in a project group.', ['id:String','email:String']),
 ('team','Teammate','A member of the team (camelCase keys, as Scale sends them).',
  ['email!:String','role:TeammateRole','firstName:String','lastName:String','company:String','disableRapidEmails:Boolean','isStudioLabeler:Boolean','expiry:String']),
 ('quality','FixlessAudit','A fixless audit: a reviewer\'s verdict on a task without a correction.',
  ['id:String','task_id:String','audited_by:String','audited_at:Instant','audit_result:AuditResult','comments:String']),
 ('quality','AuditList','The answer of {@code GET /audits}.', ['docs:List<FixlessAudit>','next_token:String']),
 ('quality','LabelerAttempt','A labeler\'s attempt at a quality (training or evaluation) task.',
  ['labeler_email:String','quality_task_id:String','task_id:String','score:Number','passed:Boolean','attempted_at:Instant']),
 ('quality','LabelerAttemptList','One page of {@code GET /quality/labelers}.', ['docs:List<LabelerAttempt>','next_token:String','has_more:Boolean']),
]
def camel(s):
    if '_' not in s: return s
    p = s.split('_'); return p[0] + ''.join(x[:1].upper()+x[1:] for x in p[1:])
for (pkg,name,doc,fields) in M:
    comps=[]; checks=[]; copies=[]; imports={'com.fasterxml.jackson.annotation.JsonAnyGetter','com.fasterxml.jackson.annotation.JsonAnySetter',
      'com.fasterxml.jackson.annotation.JsonIgnoreProperties','com.fasterxml.jackson.annotation.JsonProperty','java.util.Map',
      'dev.scaletoolkit.model.common.Extras','tools.jackson.databind.JsonNode'}
    helpers=[]
    for f in fields:
        j,t = f.split(':',1); req = j.endswith('!'); j = j.rstrip('!'); jn = camel(j)
        if jn in ('type','status','project','batch'): pass
        if 'Instant' in t: imports.add('java.time.Instant')
        if 'List' in t: imports.add('java.util.List')
        comps.append(f'        @JsonProperty("{j}") {t} {jn}')
        if req: checks.append(f'        Objects.requireNonNull({jn}, "{j} is missing in the {name} JSON");'); imports.add('java.util.Objects')
        if t.startswith('List') or t.startswith('Map'): copies.append(f'        {jn} = Extras.copyOrNull({jn});')
        if t.startswith('List'):
            helpers.append(f'''    /** {{@code {j}}}, or an empty list when Scale omitted it. */
    public {t} {jn}OrEmpty() {{
        return {jn} == null ? List.of() : {jn};
    }}
''')
        if t.startswith('Map'):
            helpers.append(f'''    /** {{@code {j}}}, or an empty map when Scale omitted it. */
    public {t} {jn}OrEmpty() {{
        return {jn} == null ? Map.of() : {jn};
    }}
''')
    comps.append('        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra')
    body = "\n".join(checks+copies+['        extra = Extras.copy(extra);'])
    imps = "\n".join(f'import {i};' for i in sorted(imports))
    src = f'''package dev.scaletoolkit.model.{pkg};

{imps}

/**
 * {doc}
 *
 * <p>Keys this version does not model are kept in {{@link #extra()}} and written back unchanged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record {name}(
{(","+chr(10)).join(comps)}) {{

    public {name} {{
{body}
    }}

{chr(10).join(helpers)}}}
'''
    src = src.replace('\n\n}', '\n}')
    os.makedirs(f'{BASE}/{pkg}', exist_ok=True)
    open(f'{BASE}/{pkg}/{name}.java','w').write(src)
