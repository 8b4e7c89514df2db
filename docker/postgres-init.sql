-- The application role: owns nothing, so row-level security applies to it. Migrations grant it
-- what it needs; here it only gets a password for the compose network.
CREATE ROLE autonomos_app LOGIN PASSWORD 'autonomos_app' NOSUPERUSER NOBYPASSRLS;
