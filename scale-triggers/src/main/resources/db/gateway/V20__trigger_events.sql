-- Events from Scale (callbacks and the poller), one row per distinct event. Ids come from gw_event_seq inside the
-- inserting transaction, so they grow in commit order and a reader paging "after id N" never skips a late commit.
CREATE TABLE gw_events (
    id              BIGINT       NOT NULL PRIMARY KEY,
    type            VARCHAR(40)  NOT NULL,
    connection_name VARCHAR(64)  NOT NULL,
    dedup_key       VARCHAR(600) NOT NULL,
    task_id         VARCHAR(200),
    batch_name      VARCHAR(300),
    project         VARCHAR(300),
    status          VARCHAR(40)  NOT NULL,
    occurred_at     VARCHAR(40),
    received_at     BIGINT       NOT NULL,
    source          VARCHAR(20)  NOT NULL,
    payload         TEXT         NOT NULL
);
CREATE UNIQUE INDEX gw_events_dedup ON gw_events (connection_name, dedup_key);
CREATE INDEX gw_events_task ON gw_events (task_id);
CREATE INDEX gw_events_batch ON gw_events (batch_name);
CREATE INDEX gw_events_received ON gw_events (received_at);

CREATE TABLE gw_event_seq (
    name    VARCHAR(20) NOT NULL PRIMARY KEY,
    last_id BIGINT      NOT NULL
);
INSERT INTO gw_event_seq (name, last_id) VALUES ('events', 0);

-- Where each connection's poller resumes: the updated_after it sends next.
CREATE TABLE gw_poll_cursors (
    connection_name VARCHAR(64) NOT NULL PRIMARY KEY,
    updated_after   VARCHAR(40) NOT NULL,
    polled_at       BIGINT      NOT NULL
);
