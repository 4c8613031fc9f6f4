-- One database per service, as in the local stack (each service's Flyway migrates its own at start).
CREATE DATABASE registration;
CREATE DATABASE budget;
CREATE DATABASE venue;
CREATE DATABASE notification;
