-- Run once by the postgres image, when its volume is first made (docker-entrypoint-initdb.d).
-- Each context service gets a database of its own: they all use the schemas tadamon_events,
-- tadamon_messaging and tadamon_http. On an older volume: psql -c 'CREATE DATABASE tadamon_partnerships'
-- (and tadamon_notifications, tadamon_training).
CREATE DATABASE tadamon_partnerships;
CREATE DATABASE tadamon_notifications;
CREATE DATABASE tadamon_training;
