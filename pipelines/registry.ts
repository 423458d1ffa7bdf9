// All datasets the pipeline knows, and which one a file is: by its header, or forced with --dataset.

import { bestemmingen } from './datasets/bestemmingen';
import { responsenBreed, responsenForms, responsenLimesurvey } from './datasets/enquete_responsen/dataset';
import { enquetes, enqueteVragen } from './datasets/enquetes';
import { ojgInzet } from './datasets/ojg_inzet';
import { populatiePraktijk, populatieWijk } from './datasets/populatie';
import { praktijken } from './datasets/praktijken';
import { swot } from './datasets/swot';
import type { DatasetSpec } from './validators/spec';
import { verwijzingen } from './datasets/verwijzingen';
import { wijken } from './datasets/wijken';
import { wijkgrenzen } from './datasets/wijkgrenzen/dataset';
import { mijlpalen, voortgang, werkplannen } from './datasets/werkplannen';
import type { RuleId } from './errors';
import { normaliseColumnName } from './validators/header';

/** In load order: reference data before the files that refer to it. */
export const DATASETS: readonly DatasetSpec[] = [
	wijken,
	praktijken,
	bestemmingen,
	populatiePraktijk,
	populatieWijk,
	ojgInzet,
	verwijzingen,
	werkplannen,
	mijlpalen,
	voortgang,
	swot,
	enquetes,
	enqueteVragen,
	responsenBreed,
	responsenLimesurvey,
	responsenForms
];

/** Datasets read from a GeoJSON file instead of a table (ingest.ts routes them before detection). */
export const GEOJSON_DATASETS: readonly DatasetSpec[] = [wijkgrenzen];

/** Names accepted by --dataset: every dataset id, and `populatie` for either shape. */
export function datasetNames(): string[] {
	return [...new Set([...DATASETS, ...GEOJSON_DATASETS].flatMap((d) => [d.family, d.id]))];
}

export type Detection = { ok: true; spec: DatasetSpec } | { ok: false; rule: RuleId; message: string };

function describe(spec: DatasetSpec): string {
	return `${spec.id} (${spec.signature.join(', ')})`;
}

/**
 * Picks the dataset for a header. A dataset is a candidate when its signature columns are all
 * present; the candidate with most known columns wins. Detection looks only at signatures, not at
 * every required column, so a verwijzingen file without `datum` is recognised as verwijzingen and
 * then rejected with "kolom datum ontbreekt" rather than "onbekend soort bestand".
 */
export function detectDataset(header: readonly string[], forced?: string): Detection {
	const names = new Set(header.map(normaliseColumnName));
	let pool: readonly DatasetSpec[] = DATASETS;
	if (forced !== undefined) {
		const wanted = forced.trim().toLowerCase();
		pool = DATASETS.filter((d) => d.id === wanted || d.family === wanted);
		if (pool.length === 0) {
			return { ok: false, rule: 'dataset-onbekend', message: `gegevensset "${forced}" bestaat niet; kies uit: ${datasetNames().join(', ')}` };
		}
		// A forced single dataset needs no signature: the header check reports what is missing.
		if (pool.length === 1) return { ok: true, spec: pool[0] };
	}

	const has = (d: DatasetSpec, column: string) => names.has(column) || Object.entries(d.synonyms ?? {}).some(([other, c]) => c === column && names.has(other));
	const candidates = pool.filter((d) => d.signature.every((c) => has(d, c)));
	if (candidates.length === 0) {
		const which = forced === undefined ? 'welke gegevensset dit is' : `welke vorm van ${forced} dit is`;
		return {
			ok: false,
			rule: 'dataset-onbekend',
			message: `kan aan de kolomnamen niet zien ${which}; verwacht worden de kolommen van een van: ${pool.map(describe).join('; ')}`
		};
	}
	const known = (d: DatasetSpec) => d.columns.filter((c) => !c.derived && has(d, c.name)).length;
	// bounded: one candidate per dataset
	const best = Math.max(...candidates.map(known));
	const winners = candidates.filter((d) => known(d) === best);
	if (winners.length > 1) {
		return {
			ok: false,
			rule: 'dataset-dubbelzinnig',
			message: `de kolommen passen bij meer dan een gegevensset (${winners.map((d) => d.id).join(', ')}); kies er een met --dataset`
		};
	}
	return { ok: true, spec: winners[0] };
}
