// The analytic database's schema: the one contract between the pipelines (which write it) and
// the query layer in src/lib/server (which only reads it). Every table that holds delivered rows
// has the key the import contract names, so a re-delivered row replaces the earlier one.

import { DEFAULT_BESTEMMINGEN } from './codes';

export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS loads (
  load_id INTEGER PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  dataset VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_replaced INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  warnings VARCHAR NOT NULL,          -- JSON array of Dutch warning strings
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL,
  pipeline_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS wijken (
  wijk_code VARCHAR PRIMARY KEY,
  wijk_naam VARCHAR NOT NULL,
  gemeente_code VARCHAR NOT NULL,
  gemeente_naam VARCHAR NOT NULL,
  load_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS praktijken (
  praktijk_code VARCHAR PRIMARY KEY,
  praktijk_naam VARCHAR NOT NULL,
  wijk_code VARCHAR NOT NULL,
  load_id INTEGER NOT NULL
);

-- Denominators: registered patients per practice ...
CREATE TABLE IF NOT EXISTS populatie_praktijk (
  jaar INTEGER NOT NULL,
  praktijk_code VARCHAR NOT NULL,
  leeftijdsgroep VARCHAR NOT NULL,
  aantal INTEGER NOT NULL,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (jaar, praktijk_code, leeftijdsgroep)
);

-- ... and inhabitants per wijk.
CREATE TABLE IF NOT EXISTS populatie_wijk (
  jaar INTEGER NOT NULL,
  wijk_code VARCHAR NOT NULL,
  leeftijdsgroep VARCHAR NOT NULL,
  aantal INTEGER NOT NULL,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (jaar, wijk_code, leeftijdsgroep)
);

-- Classification of bestemming into lijn 0/1/2; seeded with the contract's defaults,
-- extendable with the 'bestemmingen' dataset.
CREATE TABLE IF NOT EXISTS bestemmingen (
  bestemming VARCHAR PRIMARY KEY,
  lijn INTEGER NOT NULL CHECK (lijn IN (0, 1, 2)),
  load_id INTEGER            -- NULL for the built-in defaults
);

CREATE TABLE IF NOT EXISTS verwijzingen (
  verwijzing_id VARCHAR PRIMARY KEY,
  datum DATE NOT NULL,
  praktijk_code VARCHAR,
  wijk_code VARCHAR NOT NULL,
  leeftijdsgroep VARCHAR NOT NULL,
  verwijzer VARCHAR NOT NULL,
  bestemming VARCHAR NOT NULL,
  domein VARCHAR NOT NULL,
  client_pseudo VARCHAR,
  terugkoppeling_datum DATE,
  load_id INTEGER NOT NULL,
  celsleutel INTEGER          -- record key of the cell key method (contract/cellKey.ts), set at ingest
);
-- Version 1 databases lack the record key; the next import adds and fills it.
ALTER TABLE verwijzingen ADD COLUMN IF NOT EXISTS celsleutel INTEGER;

-- No id column in the contract: a placement is identified by practice, function and start date.
CREATE TABLE IF NOT EXISTS ojg_inzet (
  praktijk_code VARCHAR NOT NULL,
  functie VARCHAR NOT NULL,
  start DATE NOT NULL,
  eind DATE,
  uren_per_week DOUBLE,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (praktijk_code, functie, start)
);

-- The regiegroep's workplans, their milestones and status updates (docs/regiegroep.md). Edits made
-- in the app live in a separate store the web server owns; these tables hold only what was imported.
CREATE TABLE IF NOT EXISTS werkplannen (
  werkplan_id VARCHAR PRIMARY KEY,
  titel VARCHAR NOT NULL,
  thema VARCHAR NOT NULL,
  driehoek VARCHAR,                   -- ouderen, jeugd, ggz; NULL: none
  trekker VARCHAR NOT NULL,
  partners VARCHAR,
  wijk_code VARCHAR,                  -- NULL: more than one wijk
  start DATE,
  eind DATE,
  doel VARCHAR,
  load_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS mijlpalen (
  werkplan_id VARCHAR NOT NULL,
  mijlpaal_id VARCHAR NOT NULL,
  omschrijving VARCHAR NOT NULL,
  deadline DATE NOT NULL,
  gereed_op DATE,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (werkplan_id, mijlpaal_id)
);

CREATE TABLE IF NOT EXISTS voortgang (
  werkplan_id VARCHAR NOT NULL,
  datum DATE NOT NULL,
  status VARCHAR NOT NULL,
  toelichting VARCHAR,
  vergadering DATE,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (werkplan_id, datum)
);

-- One snapshot per (wijk_code, datum). item_sleutel: 'id:<item_id>', or without an id
-- 'tekst:<kwadrant>:<normalised text>' (src/lib/regiegroep/swot.ts).
CREATE TABLE IF NOT EXISTS swot (
  wijk_code VARCHAR NOT NULL,
  datum DATE NOT NULL,
  kwadrant VARCHAR NOT NULL,
  item_id VARCHAR,
  omschrijving VARCHAR NOT NULL,
  thema VARCHAR,
  item_sleutel VARCHAR NOT NULL,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (wijk_code, datum, item_sleutel)
);

-- Optional wijk boundaries for the maps (dataset wijkgrenzen, a GeoJSON file): per wijk its
-- (Multi)Polygon in WGS84 as GeoJSON text, simplified at ingest; the source's coordinate system and
-- the vertices and bytes before and after simplification are kept for provenance. Databases
-- without this table are read as "no boundaries loaded" (the table is optional, the schema
-- version unchanged); the next import adds it.
CREATE TABLE IF NOT EXISTS wijkgrenzen (
  wijk_code VARCHAR PRIMARY KEY,
  geometrie VARCHAR NOT NULL,         -- GeoJSON geometry, WGS84 [lon, lat], 5 decimals
  bron_crs VARCHAR NOT NULL,          -- EPSG:28992 | EPSG:4326, as delivered
  punten_voor INTEGER NOT NULL,
  punten_na INTEGER NOT NULL,
  bytes_voor INTEGER NOT NULL,
  bytes_na INTEGER NOT NULL,
  load_id INTEGER NOT NULL
);

-- Surveys (leerbijeenkomsten, werkafspraken monitor): the questionnaire and its questions ...
CREATE TABLE IF NOT EXISTS enquetes (
  enquete_id VARCHAR PRIMARY KEY,
  naam VARCHAR NOT NULL,
  soort VARCHAR NOT NULL,             -- leerbijeenkomst | werkafspraken_monitor | overig
  seizoen VARCHAR NOT NULL,           -- voorjaar-2025
  wijk_code VARCHAR,
  datum DATE NOT NULL,
  genodigden INTEGER,                 -- invited: the denominator of the response rate
  load_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS enquete_vragen (
  enquete_id VARCHAR NOT NULL,
  vraag_code VARCHAR NOT NULL,
  vraag_tekst VARCHAR NOT NULL,
  thema VARCHAR,
  type VARCHAR NOT NULL,              -- likert5 | likert7 | ja_nee | cijfer10 | keuze | open | rol
  omgekeerd INTEGER,                  -- 1: negatively worded, reversed before any mean
  load_id INTEGER NOT NULL,
  PRIMARY KEY (enquete_id, vraag_code)
);

-- ... one row per response (from any of the three shapes; identifying columns never stored) ...
CREATE TABLE IF NOT EXISTS enquete_responsen (
  enquete_id VARCHAR NOT NULL,
  respons_id VARCHAR NOT NULL,
  datum DATE,
  wijk_code VARCHAR,
  rol VARCHAR,
  compleet BOOLEAN NOT NULL,          -- LimeSurvey: submitdate filled; incomplete ones are not scored
  vorm VARCHAR NOT NULL,              -- breed | limesurvey | forms
  load_id INTEGER NOT NULL,
  PRIMARY KEY (enquete_id, respons_id)
);

-- ... and one row per answer of a complete response. waarde is the position on the scale before
-- reversal (NULL: niet van toepassing, keuze, open); open answers are stored masked.
CREATE TABLE IF NOT EXISTS enquete_antwoorden (
  enquete_id VARCHAR NOT NULL,
  respons_id VARCHAR NOT NULL,
  vraag_code VARCHAR NOT NULL,
  antwoord VARCHAR NOT NULL,
  waarde DOUBLE,
  load_id INTEGER NOT NULL,
  PRIMARY KEY (enquete_id, respons_id, vraag_code)
);
`;

export const SEED_SQL = Object.entries(DEFAULT_BESTEMMINGEN)
	.map(([b, lijn]) => `INSERT OR IGNORE INTO bestemmingen VALUES ('${b}', ${lijn}, NULL);`)
	.join('\n');
