// Who loaded a file: `npm run ingest -- --door NAAM` (the web server passes the signed-in user) is
// kept in `meta` under `geladen_door:<load_id>`, one key per load, so `loads` keeps its columns
// (docs/formats.md "Provenance").

export const LOADED_BY_PREFIX = 'geladen_door:';

export const loadedByKey = (loadId: number) => `${LOADED_BY_PREFIX}${loadId}`;

