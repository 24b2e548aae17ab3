-- One PostgreSQL server, one database per service that has one (no service reads another's database).
-- Runs once, when the volume is empty (the postgres image's /docker-entrypoint-initdb.d).
CREATE DATABASE contacts;
CREATE DATABASE orchestrator;
CREATE DATABASE scheduler;
