-- Webhook subscriptions and their delivery state. Each subscription delivers events in id order: last_event_id is
-- the last one delivered (or given up on); the retry state of the next one lives beside it, so a restart resumes.
CREATE TABLE gw_webhooks (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    event_types     VARCHAR(300)  NOT NULL,
    project         VARCHAR(300),
    connection_name VARCHAR(64),
    secret_sealed   TEXT          NOT NULL,
    created_at      BIGINT        NOT NULL,
    last_event_id   BIGINT        NOT NULL,
    attempts        INTEGER       NOT NULL,
    first_failed_at BIGINT,
    next_attempt_at BIGINT        NOT NULL,
    lease_until     BIGINT        NOT NULL,
    last_error      VARCHAR(500)
);

-- Events a subscription gave up on after retrying for the whole retry window.
CREATE TABLE gw_webhook_failures (
    webhook_id  VARCHAR(40)  NOT NULL,
    event_id    BIGINT       NOT NULL,
    attempts    INTEGER      NOT NULL,
    last_error  VARCHAR(500),
    gave_up_at  BIGINT       NOT NULL,
    PRIMARY KEY (webhook_id, event_id)
);
